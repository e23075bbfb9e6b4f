package cn.gov.county.gkreport.mail.inbox;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * What a unit wrote in a reply to our reply mail, as its explanation: the plain-text part (else the
 * text of the HTML part), without what the client quoted below it (lines starting with {@code >}, and
 * everything from the quote header real clients write: Outlook's and Foxmail's 「-----原始邮件-----」,
 * QQ Mail's 「------------------ 原始邮件 ------------------」, a 「发件人:」/「From:」 block, Gmail's and
 * Apple Mail's 「On … wrote:」 and 「在 … 写道：」), without the signature after {@code -- }, trimmed and
 * cut to {@value #MAX_CHARS} characters.
 */
final class ExplanationText {

    /** The column's size. */
    static final int MAX_CHARS = 1000;
    private static final List<Pattern> QUOTE_HEADERS = List.of(
            Pattern.compile("(?m)^[ \\t]*-{2,}[ \\t]*(原始邮件|Original Message)[ \\t]*-{2,}", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?m)^[ \\t]*_{10,}[ \\t]*$"),
            Pattern.compile("(?m)^[ \\t]*\\*?(发件人|From)\\*?[ \\t]*[:：]"),
            Pattern.compile("(?m)^[ \\t]*On [^\\n]*(\\n[^\\n]*)?wrote:[ \\t]*$"),
            Pattern.compile("(?m)^[ \\t]*在[^\\n]*(\\n[^\\n]*)?写道[:：][ \\t]*$"));
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^-- ?$");

    private ExplanationText() {
    }

    /** The unit's own words in a message, or "" when it wrote nothing but the quote. */
    static String of(Part message) throws MessagingException, IOException {
        String plain = firstText(message, "text/plain");
        String text = plain != null ? plain : html(firstText(message, "text/html"));
        return withoutQuote(text == null ? "" : text);
    }

    static String withoutQuote(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        int cut = s.length();
        for (Pattern header : QUOTE_HEADERS) {
            Matcher m = header.matcher(s);
            if (m.find()) {
                cut = Math.min(cut, m.start());
            }
        }
        Matcher signature = SIGNATURE.matcher(s);
        if (signature.find()) {
            cut = Math.min(cut, signature.start());
        }
        String own = s.substring(0, cut).lines().filter(line -> !line.stripLeading().startsWith(">"))
                .map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("")
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "")
                .replaceAll("\\n{3,}", "\n\n").strip();
        return own.length() <= MAX_CHARS ? own : own.substring(0, MAX_CHARS - 1) + "…";
    }

    /** The text of an HTML body: line breaks kept, tags and blockquoted text dropped, the common entities read. */
    static String html(String html) {
        if (html == null) {
            return null;
        }
        // what a client quotes in HTML sits in a blockquote: everything from the first one is the quote
        return html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "").replaceAll("(?is)<blockquote.*", "")
                .replaceAll("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])>", "\n")
                .replaceAll("(?s)<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The first body part of this type that is not an attachment, depth first. */
    private static String firstText(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = firstText(multipart.getBodyPart(i), type);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && part.getContent() instanceof String text) {
            return text;
        }
        return null;
    }
}
