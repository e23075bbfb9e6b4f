package cn.gov.county.gkreport.draft;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of the county's draft annual report ({@code consolidator.draft.*}).
 *
 * @param enabled            whether every run writes the draft (the {@code draft} command always does)
 * @param issuer             the body that publishes the report, as in its title and signature;
 *                           empty means {@code <县名>人民政府}
 * @param units              roster codes the report covers (a 本级 report of fewer units); empty means
 *                           every unit of the roster (全县)
 * @param countyDeadline     when the county government publishes its report, {@code MM-dd} (03-31); when
 *                           the departments report is the one deadline, {@code consolidator.deadline.date}
 */
@ConfigurationProperties("consolidator.draft")
public record DraftSettings(Boolean enabled, String issuer, List<String> units, String countyDeadline) {

    public DraftSettings {
        enabled = enabled == null || enabled;
        issuer = issuer == null ? "" : issuer.strip();
        units = units == null ? List.of() : units.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        countyDeadline = countyDeadline == null || countyDeadline.isBlank() ? "03-31" : countyDeadline;
        monthDay("county-deadline", countyDeadline);
    }

    /** The defaults: every roster unit, issued by the county government, the 条例's deadlines. */
    public static DraftSettings defaults() {
        return new DraftSettings(true, "", List.of(), null);
    }

    public DraftSettings withUnits(List<String> codes) {
        return new DraftSettings(enabled, issuer, codes, countyDeadline);
    }

    public String issuerOr(String countyName) {
        return issuer.isEmpty() ? countyName + "人民政府" : issuer;
    }

    public MonthDay countyDeadlineDay() {
        return monthDay("county-deadline", countyDeadline);
    }

    private static MonthDay monthDay(String name, String text) {
        try {
            return MonthDay.parse("--" + text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("consolidator.draft." + name + " 应写成 月-日，例如 01-31，而不是“"
                    + text + "”");
        }
    }
}
