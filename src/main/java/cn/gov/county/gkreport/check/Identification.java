package cn.gov.county.gkreport.check;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitCode;
import cn.gov.county.gkreport.read.LabelText;
import cn.gov.county.gkreport.read.SubmissionContent;

/**
 * Who a workbook is from, learnt from its cover (never from the file name): the unit code and
 * name matched against the roster, tolerant of spaces and full-width characters; plus whether
 * the reporting year and the form version are the ones this job collects.
 *
 * @param unit     the roster unit, when the cover identifies exactly one
 * @param findings ID findings: unknown unit, code and name naming different units, wrong year,
 *                 unknown form version
 */
public record Identification(Optional<RosterUnit> unit, List<Finding> findings) {

    public static Identification of(SubmissionContent content, Roster roster, FormDefinition form, int year) {
        List<Finding> findings = new ArrayList<>();
        String code = UnitCode.normalize(content.coverValue(CoverField.UNIT_CODE));
        String name = LabelText.normalize(content.coverValue(CoverField.UNIT_NAME));
        Optional<RosterUnit> byCode = code.isEmpty() ? Optional.empty() : roster.byCode(code);
        Optional<RosterUnit> byName = name.isEmpty() ? Optional.empty()
                : roster.byNormalizedName(name).or(() -> byOfficialName(roster, name));
        String nameCell = cell(content, CoverField.UNIT_NAME);
        String codeCell = cell(content, CoverField.UNIT_CODE);
        String coverSheet = sheet(content, form);

        Optional<RosterUnit> unit = Optional.empty();
        if (byCode.isPresent() && byName.isPresent() && !byCode.get().equals(byName.get())) {
            findings.add(Finding.error("ID", coverSheet, codeCell, "封面的单位代码“" + code + "”是“" + byCode.get().name()
                    + "”的代码，而单位名称写的是“" + byName.get().name() + "”。请核对封面，填写本单位的名称和名册中的单位代码。"));
        } else if (byCode.isPresent() && !name.isEmpty() && byName.isEmpty()) {
            findings.add(Finding.error("ID", coverSheet, nameCell, "封面的单位名称“" + content.coverValue(CoverField.UNIT_NAME)
                    + "”与单位代码“" + code + "”（名册中为“" + byCode.get().name() + "”）不一致。请按名册填写单位名称。"));
        } else if (byCode.isEmpty() && !code.isEmpty() && byName.isPresent()) {
            findings.add(Finding.error("ID", coverSheet, codeCell, "封面的单位代码“" + code + "”不在名册中（“"
                    + byName.get().name() + "”的代码是 " + byName.get().code() + "）。请改正单位代码。"));
        } else {
            unit = byCode.or(() -> byName);
            if (unit.isEmpty()) {
                findings.add(Finding.error("ID", coverSheet, nameCell.isEmpty() ? codeCell : nameCell,
                        "封面的单位“" + content.coverValue(CoverField.UNIT_NAME) + "”（代码“" + code
                                + "”）不在本县报送名册中，无法确认是哪个单位报送的。请在封面填写名册中的单位名称和单位代码。"));
            }
        }

        String yearText = Normalizer.normalize(content.coverValue(CoverField.YEAR), Normalizer.Form.NFKC)
                .replaceAll("[\\s年度]", "").replaceAll("\\.0+$", "");
        if (content.coverValue(CoverField.YEAR).matches("\\d{4}年\\d{1,2}月\\d{1,2}日")) {
            findings.add(Finding.error("ID", coverSheet, cell(content, CoverField.YEAR), "封面的“报告年度”一格是日期格式，"
                    + "显示为日期“" + content.coverValue(CoverField.YEAR) + "”，不是年份。请把这一格的格式改为“常规”或“文本”，"
                    + "再填写 " + year + "。"));
        } else if (!yearText.equals(Integer.toString(year))) {
            findings.add(Finding.error("ID", coverSheet, cell(content, CoverField.YEAR), "封面的报告年度为“"
                    + content.coverValue(CoverField.YEAR) + "”，本次汇总的是 " + year + " 年度报告。请填写 " + year
                    + "，并确认表中数字是 " + year + " 年的。"));
        }
        String version = content.coverValue(CoverField.FORM_VERSION);
        if (!version.isEmpty() && !version.equals(form.id())) {
            findings.add(Finding.error("ID", coverSheet, cell(content, CoverField.FORM_VERSION), "封面的表式版本为“"
                    + version + "”，本系统只接收现行表式“" + form.id() + "”。请使用县里下发的现行标准模板重新填写。"));
        }
        // A wrong year or version still tells us who sent the file: the unit is kept for the status list.
        return new Identification(unit, findings);
    }

    /**
     * The unit's full official name with the county in front ({@code 泽州县卫生健康和体育局} for the
     * roster's {@code 县卫生健康和体育局}, {@code 泽州县南村镇} for {@code 南村镇}).
     */
    private static Optional<RosterUnit> byOfficialName(Roster roster, String normalizedName) {
        String county = LabelText.normalize(roster.countyName());
        if (county.isEmpty() || !normalizedName.startsWith(county) || normalizedName.length() == county.length()) {
            return Optional.empty();
        }
        String rest = normalizedName.substring(county.length());
        return roster.byNormalizedName("县" + rest).or(() -> roster.byNormalizedName(rest));
    }

    private static String cell(SubmissionContent content, String key) {
        SheetCell at = content.coverCells().get(key);
        return at == null ? "" : at.cell().a1();
    }

    private static String sheet(SubmissionContent content, FormDefinition form) {
        return content.coverCells().values().stream().findFirst().map(SheetCell::sheet).orElse(form.cover().sheet());
    }
}
