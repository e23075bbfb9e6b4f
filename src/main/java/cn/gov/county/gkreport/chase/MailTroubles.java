package cn.gov.county.gkreport.chase;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.mail.MailMessageRepository.AttachmentOutcome;
import cn.gov.county.gkreport.mail.inbox.BounceRepository;
import cn.gov.county.gkreport.mail.reply.ReplyTexts;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What went wrong with a unit's mail, for the chase list: our mail to it bounced
 * (「回复邮件退信：地址 … 无法送达（时间）」), or its own mail was refused (a zip, a file too large,
 * a winmail.dat without a workbook, our feedback copy sent back) after its latest submission. A refused
 * message is the unit's when it came from one of the unit's addresses (the address list, or a sender of
 * its earlier submissions), or else when its subject, sender name or file names name exactly one unit.
 */
class MailTroubles {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Roster roster;
    private final JdbcTemplate jdbc;
    private final BounceRepository bounces;
    private final UnitAddresses addresses;

    MailTroubles(Roster roster, JdbcTemplate jdbc, BounceRepository bounces, UnitAddresses addresses) {
        this.roster = roster;
        this.jdbc = jdbc;
        this.bounces = bounces;
        this.addresses = addresses;
    }

    /** Per unit code, one line saying what went wrong (units without trouble are absent). */
    Map<String, String> of(int year) {
        Map<String, List<String>> notes = new LinkedHashMap<>();
        bounces.latestByUnit(year).forEach((code, f) -> notes.computeIfAbsent(code, c -> new ArrayList<>())
                .add((f.reminder() ? "催报邮件" : "回复邮件") + "退信：地址 " + (f.recipient() == null ? "（未知）" : f.recipient())
                        + " 无法送达（" + f.at().format(WHEN) + "），请核实该单位的邮箱"));
        Map<String, LocalDateTime> lastSubmission = new HashMap<>();
        jdbc.query("SELECT unit_code, MAX(received_at) FROM submission WHERE report_year = ? AND unit_code IS NOT NULL "
                + "GROUP BY unit_code", rs -> {
                    lastSubmission.put(rs.getString(1), rs.getTimestamp(2).toLocalDateTime());
                }, year);
        Map<String, String> unitOfAddress = unitOfAddress();
        Map<Long, Refused> refused = new LinkedHashMap<>();
        jdbc.query("""
                SELECT m.id, m.sender, m.sender_name, m.subject, m.received_at, a.name_as_sent, a.outcome
                FROM mail_message m JOIN mail_attachment a ON a.mail_message_id = m.id
                WHERE m.report_year = ? AND m.outcome = 'REFUSED' ORDER BY m.received_at, m.id, a.seq""", rs -> {
                    Refused r = refused.computeIfAbsent(rs.getLong(1), id -> {
                        try {
                            return new Refused(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getTimestamp(5).toLocalDateTime(), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    r.files().add(new String[] {rs.getString(6), rs.getString(7)});
                }, year);
        Map<String, Refused> latestRefusal = new HashMap<>();
        for (Refused r : refused.values()) {
            String code = unitOf(r, unitOfAddress);
            LocalDateTime submitted = code == null ? null : lastSubmission.get(code);
            if (code != null && (submitted == null || r.at().isAfter(submitted))) {
                latestRefusal.put(code, r);
            }
        }
        latestRefusal.forEach((code, r) -> notes.computeIfAbsent(code, c -> new ArrayList<>())
                .add("邮件未能处理（" + r.at().format(WHEN) + "）：" + describe(r)));
        Map<String, String> lines = new LinkedHashMap<>();
        notes.forEach((code, list) -> lines.put(code, String.join("；", list)));
        return lines;
    }

    private record Refused(String sender, String senderName, String subject, LocalDateTime at, List<String[]> files) {
    }

    private static String describe(Refused r) {
        List<String> parts = new ArrayList<>();
        for (String[] f : r.files()) {
            String why = switch (AttachmentOutcome.valueOf(f[1])) {
                case ARCHIVE -> "压缩文件，未解压";
                case TOO_LARGE -> "文件过大";
                case WINMAIL_EMPTY -> "Outlook 的 winmail.dat，其中没有 Excel 文件";
                case FEEDBACK_COPY -> "发回的是校验反馈副本";
                case NOT_EXCEL -> "不是 Excel 文件";
                case UNREADABLE -> "无法解码";
                default -> null;
            };
            if (why != null) {
                parts.add("《" + ReplyTexts.display(f[0]) + "》" + why);
            }
        }
        return String.join("，", parts);
    }

    /** Every address known to belong to a unit: the address list and the senders of its submissions. */
    private Map<String, String> unitOfAddress() {
        Map<String, String> byAddress = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT s.unit_code, m.sender FROM submission s
                JOIN mail_attachment a ON a.report_year = s.report_year AND a.sha256 = s.sha256
                JOIN mail_message m ON m.id = a.mail_message_id
                WHERE s.unit_code IS NOT NULL""", rs -> {
                    byAddress.putIfAbsent(rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(1));
                });
        for (RosterUnit unit : roster.units()) {
            addresses.of(unit.code()).ifPresent(a -> byAddress.put(a.toLowerCase(Locale.ROOT), unit.code()));
        }
        return byAddress;
    }

    private String unitOf(Refused r, Map<String, String> unitOfAddress) {
        String byAddress = r.sender() == null ? null : unitOfAddress.get(r.sender().toLowerCase(Locale.ROOT));
        if (byAddress != null) {
            return byAddress;
        }
        StringBuilder text = new StringBuilder().append(r.subject()).append(' ').append(r.senderName());
        r.files().forEach(f -> text.append(' ').append(f[0]));
        List<String> named = roster.units().stream().filter(u -> text.indexOf(u.name()) >= 0).map(RosterUnit::code)
                .toList();
        return named.size() == 1 ? named.get(0) : null;
    }
}
