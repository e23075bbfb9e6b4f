package cn.gov.county.gkreport.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * What went wrong with a mail connection, in one Chinese line an operator can act on, without a stack
 * trace: the mailbox (IMAP/POP3) and the outgoing server (SMTP) alike. Certificate failures say what to
 * configure ({@code consolidator.mail.trust-certificates}, the host name on the certificate).
 */
public final class MailProblems {

    private MailProblems() {
    }

    /**
     * @param e      the failure
     * @param server what was being reached, e.g. {@code 邮箱服务器（mail.county.gov.cn:993）}
     */
    public static String describe(Throwable e, String server) {
        String text = null;
        for (Throwable t : causes(e)) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (t instanceof AuthenticationFailedException || t instanceof MailAuthenticationException) {
                return "登录" + server + "失败（用户名或密码/授权码错误，或未开启 IMAP/POP3/SMTP 服务）";
            }
            if (t instanceof UnknownHostException) {
                return "找不到" + server + "（域名 " + m + " 无法解析，请检查 host 设置和网络）";
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return "无法连接" + server + "（" + m + "，请检查 host/port 和网络、防火墙）";
            }
            if (lower.contains("no subject alternative names matching ip address")
                    || lower.contains("no subject alternative dns name matching") || lower.contains("no name matching")
                    || lower.contains("server identity does not match")) {
                return server + "的证书上没有这个地址（" + m + "）。请在 host 中填写证书上的名称，"
                        + "或请管理员签发包含该名称/IP 地址的证书；不要关闭证书检查";
            }
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || lower.contains("validity check failed")) {
                return server + "的证书已过期或尚未生效（" + m + "），请服务器管理员更换证书，并核对本机时间";
            }
            if (lower.contains("pkix path") || lower.contains("unable to find valid certification path")
                    || lower.contains("certificate_unknown") || lower.contains("self signed")
                    || lower.contains("self-signed")) {
                return server + "的证书不受信任（自签名或内网 CA 签发）。请向管理员要该证书或签发它的 CA 证书"
                        + "（PEM 格式），用 consolidator.mail.trust-certificates 指定该文件（同时用于收信和发信，"
                        + "公共 CA 照常信任）";
            }
            if (lower.contains("starttls")) {
                return server + "不支持 STARTTLS（" + m + "）：请改用 security: ssl（端口 465）或向管理员确认";
            }
            if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
                return server + "在该端口上不是 SSL/TLS 加密连接：请检查 port 与 security"
                        + "（收信 993/995 为加密端口；发信 465 用 ssl，587 用 starttls）";
            }
            if (t instanceof SSLHandshakeException || t instanceof SSLException) {
                return "与" + server + "的加密连接失败（" + m + "）：服务器的 TLS 版本或加密算法可能过旧，请向管理员确认";
            }
            if (t instanceof SendFailedException sf && sf.getInvalidAddresses() != null
                    && sf.getInvalidAddresses().length > 0) {
                return server + "拒收收件地址 " + sf.getInvalidAddresses()[0] + "（" + firstLine(m) + "）";
            }
            if (t instanceof IllegalStateException && !m.isEmpty()) {
                return m;
            }
            text = text == null && !m.isEmpty() ? firstLine(m) : text;
        }
        return e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }

    /** The failure and everything it wraps: causes, suppressed, and the per-message failures of a Spring send. */
    private static Iterable<Throwable> causes(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t instanceof MailSendException send) {
                java.util.List.of(send.getMessageExceptions()).forEach(todo::add);
            }
            if (t instanceof jakarta.mail.MessagingException me && me.getNextException() != null) {
                todo.add(me.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return out;
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
