package cn.gov.county.gkreport.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.review.ReviewRepository.FindingLine;
import cn.gov.county.gkreport.review.ReviewRepository.Recorded;
import cn.gov.county.gkreport.review.ReviewRepository.Version;
import cn.gov.county.gkreport.review.ReviewWorkbook.Column;
import cn.gov.county.gkreport.review.ReviewWorkbook.Line;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in the reviewer's decisions each night: reads the review workbook, records what is new or
 * changed (a cleared 审核决定 withdraws the decision; a row the reviewer deleted changes nothing, the
 * row comes back), applies the decisions in effect — a returned version counts as rejected and says
 * why in its findings, a withdrawn return counts again — and writes the workbook back with tonight's
 * new versions and warnings appended and what became of every row. A row that names no version or
 * finding, or says something the job cannot act on, changes nothing and is reported.
 */
public class ReviewDecisions {

    private static final Logger log = LoggerFactory.getLogger(ReviewDecisions.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * What one night's review did.
     *
     * @param problems    rows that changed nothing, each with where it is and why
     * @param fileProblem why the review workbook could not be read (nothing changed then), or null
     */
    public record Result(int recorded, int withdrawn, int returned, int restored, List<String> problems,
                         String fileProblem, Path file) {
    }

    private final ReviewRepository reviews;
    private final Roster roster;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ReviewDecisions(ReviewRepository reviews, Roster roster, TransactionTemplate tx, Clock clock) {
        this.reviews = reviews;
        this.roster = roster;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param file        the review workbook (created when missing)
     * @param feedbackDir where the feedback copies are, for the copies whose findings a decision changes
     */
    public Result takeIn(int year, Path file, Path feedbackDir, long executionId) throws IOException {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
        List<Line> lines;
        try {
            lines = before == null ? List.of() : ReviewWorkbook.read(file);
        } catch (ReviewWorkbook.Unreadable e) {
            String problem = "审核表 " + file + " 无法读取：" + e.getMessage() + "。本次未读取任何审核决定，已有的决定保持有效；"
                    + "请改正（或删除该文件，下次运行将按数据库中的决定重新生成）。";
            log.warn(problem);
            return new Result(0, 0, 0, 0, List.of(), problem, file);
        }
        Night night = tx.execute(status -> apply(year, lines, feedbackDir, executionId, now));
        if (before == null || Arrays.equals(digest(before), digest(Files.readAllBytes(file)))) {
            ReviewWorkbook.write(file, roster.countyName() + year + "年度政府信息公开工作年度报告审核表", night.lines);
        } else {
            String problem = "审核表在本次运行中被修改，未写回（今晚读到的决定已处理）；下次运行时再更新。";
            log.warn(problem);
            night.problems.add(problem);
        }
        Result result = new Result(night.recorded, night.withdrawn, night.returned, night.restored, night.problems, null, file);
        log.info("审核决定: 新记录 {} 条，撤回 {} 条，退回 {} 个版本，恢复 {} 个，未生效的行 {} 行", result.recorded(),
                result.withdrawn(), result.returned(), result.restored(), night.problems.size());
        return result;
    }

    /** The night's work, inside one transaction. */
    private final class Night {
        final List<Line> lines = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final Set<Long> changedCopies = new HashSet<>();
        final Set<Long> newReturns = new HashSet<>();
        int recorded;
        int withdrawn;
        int returned;
        int restored;
    }

    private Night apply(int year, List<Line> read, Path feedbackDir, long executionId, LocalDateTime now) {
        Night night = new Night();
        Map<String, Version> versions = new HashMap<>();
        reviews.versions(year).forEach(v -> versions.put(v.unitCode() + "#" + v.version(), v));
        Map<ReviewTarget, List<FindingLine>> findings = new LinkedHashMap<>();
        reviews.findings(year).forEach(f -> findings.computeIfAbsent(f.target(), t -> new ArrayList<>()).add(f));
        Map<ReviewTarget, Recorded> inEffect = reviews.inEffect(year);
        Map<ReviewTarget, Integer> seen = new HashMap<>();
        Map<Line, String> outcomes = new HashMap<>();
        for (Line line : read) {
            String problem = null;
            Parsed parsed = parse(line, versions, findings);
            if (parsed.problem != null) {
                problem = parsed.problem;
            } else if (seen.containsKey(parsed.target)) {
                problem = "与第 " + seen.get(parsed.target) + " 行是同一" + (parsed.target.kind() == Decision.Target.VERSION
                        ? "版本" : "问题") + "，只按第 " + seen.get(parsed.target) + " 行处理";
            } else {
                seen.put(parsed.target, line.rowNumber());
                problem = sync(year, parsed, inEffect.get(parsed.target), versions, findings, night, executionId, now);
            }
            if (problem != null) {
                night.problems.add(line.where() + "：" + problem + "，本行未生效");
                outcomes.put(line, problem);
            }
        }
        applyEffects(year, night, feedbackDir);
        Map<ReviewTarget, Recorded> effective = reviews.inEffect(year);
        for (Line line : read) {
            Parsed parsed = parse(line, versions, findings);
            night.lines.add(refreshed(line, parsed.target, outcomes.get(line), effective, versions, findings));
        }
        appendMissing(night, seen.keySet(), effective, versions, findings);
        return night;
    }

    /** A row read: its target and the decision it asks for (null: none), or why it names nothing. */
    private record Parsed(ReviewTarget target, ReviewDecision decision, String problem) {
    }

    private Parsed parse(Line line, Map<String, Version> versions, Map<ReviewTarget, List<FindingLine>> findings) {
        String code = line.get(Column.UNIT_CODE);
        if (code.isEmpty()) {
            return new Parsed(null, null, "缺少单位代码");
        }
        Optional<RosterUnit> unit = roster.byCode(code);
        if (unit.isEmpty()) {
            return new Parsed(null, null, "单位代码“" + code + "”不在名册中");
        }
        String versionText = line.get(Column.VERSION).replaceAll("^第|版$|\\.0+$", "");
        if (!versionText.matches("\\d{1,6}")) {
            return new Parsed(null, null, "版本“" + line.get(Column.VERSION) + "”不是版本号（填数字，如 1）");
        }
        int version = Integer.parseInt(versionText);
        if (!versions.containsKey(code + "#" + version)) {
            return new Parsed(null, null, unit.get().name() + "没有第 " + version + " 版");
        }
        ReviewTarget target = line.kind() == Decision.Target.VERSION ? ReviewTarget.version(code, version)
                : ReviewTarget.finding(code, version, line.get(Column.RULE), line.get(Column.SHEET), line.get(Column.CELL));
        if (target.kind() == Decision.Target.FINDING && !findings.containsKey(target)) {
            return new Parsed(null, null, unit.get().name() + "第 " + version + " 版没有这条问题（规则“" + target.ruleId()
                    + "”，工作表“" + target.sheet() + "”，单元格“" + target.cell() + "”）");
        }
        String word = line.get(Column.DECISION);
        if (word.isEmpty()) {
            return new Parsed(target, null, null);
        }
        Optional<Decision> decision = Decision.of(word, target.kind());
        if (decision.isEmpty()) {
            return new Parsed(target, null, "审核决定“" + word + "”无法识别，只能填“"
                    + String.join("”或“", Decision.words(target.kind())) + "”（或留空）");
        }
        if (line.get(Column.REVIEWER).isEmpty()) {
            return new Parsed(target, null, "请填写审核人");
        }
        if (decision.get().needsReason() && line.get(Column.REASON).isEmpty()) {
            return new Parsed(target, null, "“" + word + "”须填写理由" + (decision.get() == Decision.RETURN
                    ? "（理由会告知报送单位）" : ""));
        }
        return new Parsed(target, new ReviewDecision(target, decision.get(), blankToNull(line.get(Column.REASON)),
                line.get(Column.REVIEWER), blankToNull(line.get(Column.DATE))), null);
    }

    /** Records the row's decision when it differs from the one in effect; the problem, if it cannot apply. */
    private String sync(int year, Parsed parsed, Recorded current, Map<String, Version> versions,
                        Map<ReviewTarget, List<FindingLine>> findings, Night night, long executionId, LocalDateTime now) {
        ReviewDecision wanted = parsed.decision;
        if (wanted == null ? current == null : wanted.sameAs(current == null ? null : current.decision())) {
            return null;
        }
        ReviewTarget target = parsed.target;
        Version version = versions.get(target.unitCode() + "#" + target.version());
        if (wanted != null) {
            String refused = refusal(wanted, version, findings.get(target));
            if (refused != null) {
                return refused;
            }
        }
        if (current != null) {
            reviews.withdraw(current.id(), executionId, now);
            night.withdrawn++;
            night.changedCopies.add(current.submissionId());
        }
        if (wanted != null) {
            reviews.record(year, version.submissionId(), wanted, executionId, now);
            night.recorded++;
            night.changedCopies.add(version.submissionId());
            if (wanted.decision() == Decision.RETURN) {
                night.newReturns.add(version.submissionId());
            }
        }
        return null;
    }

    /** Why a decision cannot apply to what it names, or null. */
    private static String refusal(ReviewDecision wanted, Version version, List<FindingLine> findings) {
        if (wanted.target().kind() == Decision.Target.VERSION) {
            return switch (version.status()) {
                case "ACCEPTED", "RETURNED" -> null;
                case "SUPERSEDED" -> "第 " + version.version() + " 版已被该单位的新版本替代，不再计入汇总，审核决定不起作用";
                default -> "第 " + version.version() + " 版未通过校验，不计入汇总，无需审核（单位须改正后重新报送）";
            };
        }
        if (wanted.decision() == Decision.CLEAR && findings.stream().anyMatch(f -> f.severity().equals("ERROR"))) {
            return "这是错误，不能撤销：错误须由单位改正后重新报送";
        }
        return null;
    }

    /** Returned versions count as rejected with the reason as a finding; a withdrawn return counts again. */
    private void applyEffects(int year, Night night, Path feedbackDir) {
        Map<Long, ReviewDecision> returns = new HashMap<>();
        reviews.inEffect(year).values().stream().filter(r -> r.decision().decision() == Decision.RETURN)
                .forEach(r -> returns.put(r.submissionId(), r.decision()));
        Set<Long> returnedBefore = new HashSet<>(reviews.returned(year));
        returns.forEach((id, decision) -> {
            if (!returnedBefore.contains(id)) {
                if (reviews.returnVersion(id, ReturnMessage.of(decision))) {
                    night.returned++;
                }
            } else if (night.newReturns.contains(id)) {
                reviews.setReturnFinding(id, ReturnMessage.of(decision));
            }
        });
        for (long id : returnedBefore) {
            if (!returns.containsKey(id)) {
                reviews.restore(id);
                night.restored++;
            }
        }
        for (long id : night.changedCopies) {
            reviews.forgetFeedbackCopy(id).ifPresent(copy -> {
                try {
                    Files.deleteIfExists(feedbackDir.resolve(copy));
                } catch (IOException e) {
                    log.warn("校验反馈文件未能删除（审核决定改变了其内容，今晚重写）: {}: {}", copy, e.toString());
                }
            });
        }
    }

    /** The row as the job writes it back: the reviewer's cells as typed, the rest refreshed. */
    private Line refreshed(Line line, ReviewTarget target, String problem, Map<ReviewTarget, Recorded> effective,
                           Map<String, Version> versions, Map<ReviewTarget, List<FindingLine>> findings) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.putAll(line.cells());
        if (target != null) {
            describe(cells, target, versions, findings);
        }
        Recorded current = target == null ? null : effective.get(target);
        cells.put(Column.OUTCOME, problem != null ? "未生效：" + problem
                + (current == null ? "" : "（此前的决定“" + current.decision().decision().word() + "”仍有效）")
                : outcome(current, target, versions));
        return new Line(line.kind(), line.rowNumber(), cells);
    }

    private static String outcome(Recorded current, ReviewTarget target, Map<String, Version> versions) {
        Version version = versions.get(target.unitCode() + "#" + target.version());
        String now = switch (version.status()) {
            case "SUPERSEDED" -> "该版本已被新版本替代";
            case "REJECTED" -> "该版本未通过校验";
            default -> "";
        };
        if (current == null) {
            return now.isEmpty() ? "待审核" : now;
        }
        return "已生效：" + current.decision().decision().word() + "（" + current.recordedAt().format(MINUTE) + " 记录）"
                + (now.isEmpty() ? "" : "；" + now);
    }

    private void describe(Map<Column, String> cells, ReviewTarget target, Map<String, Version> versions,
                          Map<ReviewTarget, List<FindingLine>> findings) {
        Version v = versions.get(target.unitCode() + "#" + target.version());
        cells.put(Column.UNIT_CODE, target.unitCode());
        cells.put(Column.UNIT_NAME, roster.byCode(target.unitCode()).map(RosterUnit::name).orElse(""));
        cells.put(Column.VERSION, Integer.toString(target.version()));
        if (target.kind() == Decision.Target.VERSION) {
            cells.put(Column.FILE, v.fileName());
            cells.put(Column.RECEIVED, v.receivedAt());
            cells.put(Column.CHECKED, v.errors() > 0 ? "错误 " + v.errors() + " 处"
                    : v.warnings() == 0 ? "通过" : "通过，提醒 " + v.warnings() + " 条");
        } else {
            FindingLine f = findings.get(target).get(0);
            cells.put(Column.RULE, f.ruleId());
            cells.put(Column.SEVERITY, f.severity().equals("ERROR") ? "错误" : "警告");
            cells.put(Column.SHEET, f.sheet());
            cells.put(Column.CELL, f.cell());
            cells.put(Column.MESSAGE, f.message());
        }
    }

    /** New rows: versions that passed the rules and their warnings, and decisions whose row was deleted. */
    private void appendMissing(Night night, Set<ReviewTarget> present, Map<ReviewTarget, Recorded> effective,
                               Map<String, Version> versions, Map<ReviewTarget, List<FindingLine>> findings) {
        // grouped once: scanning every version per unit and every finding per version was quadratic
        // (10 000 units took 19 s)
        Map<String, List<Version>> versionsByUnit = new HashMap<>();
        versions.values().forEach(v -> versionsByUnit.computeIfAbsent(v.unitCode(), c -> new ArrayList<>()).add(v));
        Map<ReviewTarget, List<Map.Entry<ReviewTarget, List<FindingLine>>>> findingsByVersion = new HashMap<>();
        findings.entrySet().forEach(f -> findingsByVersion.computeIfAbsent(
                ReviewTarget.version(f.getKey().unitCode(), f.getKey().version()), k -> new ArrayList<>()).add(f));
        Set<ReviewTarget> wanted = new java.util.LinkedHashSet<>();
        for (RosterUnit unit : roster.units()) {
            versionsByUnit.getOrDefault(unit.code(), List.of()).stream()
                    .sorted(java.util.Comparator.comparingInt(Version::version)).forEach(v -> {
                        boolean counts = v.status().equals("ACCEPTED") || v.status().equals("RETURNED");
                        ReviewTarget version = ReviewTarget.version(v.unitCode(), v.version());
                        if (counts || effective.containsKey(version)) {
                            wanted.add(version);
                        }
                        for (var f : findingsByVersion.getOrDefault(version, List.of())) {
                            if ((counts && f.getValue().get(0).severity().equals("WARNING"))
                                    || effective.containsKey(f.getKey())) {
                                wanted.add(f.getKey());
                            }
                        }
                    });
        }
        for (ReviewTarget target : wanted) {
            if (present.contains(target)) {
                continue;
            }
            Map<Column, String> cells = new EnumMap<>(Column.class);
            describe(cells, target, versions, findings);
            Recorded current = effective.get(target);
            if (current != null) {
                ReviewDecision d = current.decision();
                cells.put(Column.DECISION, d.decision().word());
                cells.put(Column.REASON, d.reason() == null ? "" : d.reason());
                cells.put(Column.REVIEWER, d.reviewer());
                cells.put(Column.DATE, d.decidedOn() == null ? "" : d.decidedOn());
            }
            cells.put(Column.OUTCOME, outcome(current, target, versions));
            night.lines.add(new Line(target.kind(), 0, cells));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
