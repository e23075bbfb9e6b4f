package cn.gov.county.gkreport.job;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What the operator reads when a run cannot start or stops with an exception: what happened, what
 * was kept, what to do. The stack trace goes to the log file only, which the message names.
 */
final class FailureMessages {

    /** Where the log file is when {@code logging.file.name} is not set (application.yml sets it). */
    static final String DEFAULT_LOG_FILE = "logs/annual-report-consolidator.log";
    /** H2's "Database may be already in use": another process has the embedded database open. */
    private static final int H2_DATABASE_IN_USE = 90020;
    private static final int MAX_REASON = 300;

    private static final Map<String, String> STEP_NAMES = Map.of(
            StepNames.MAIL_INTAKE, "收取邮箱附件",
            StepNames.INTAKE, "登记新文件",
            StepNames.IMPORT_SUBMISSIONS, "导入报送（读取、校验、保存）",
            StepNames.REVIEW, "读取审核表",
            StepNames.CONSOLIDATE, "汇总计算",
            StepNames.WRITE_WORKBOOK, "写汇总工作簿",
            StepNames.WRITE_FEEDBACK, "写校验反馈文件",
            StepNames.MAIL_REPLIES, "发送回复邮件",
            StepNames.CHASE_LIST, "生成催报名单");

    private FailureMessages() {
    }

    /** Another run holds the year (same words on every database). */
    static String locked(String year, String detail) {
        return "错误: " + (year == null ? "" : year + " 年度的") + "汇总任务正在另一个进程中运行，本次不再启动。请等它结束后再运行。"
                + (detail == null ? "" : "\n  " + detail);
    }

    /** The embedded database is open in another process, which only another run does. */
    static boolean embeddedDatabaseInUse(Throwable failure) {
        return cause(failure, SQLException.class).filter(e -> e.getErrorCode() == H2_DATABASE_IN_USE).isPresent();
    }

    static String lockedEmbedded(Environment env) {
        return locked(env.getProperty("year"), "（内置数据库 " + databaseUrl(env) + " 正被另一个进程使用；同一时间只能有一个汇总任务打开它）");
    }

    /** The database cannot be reached at start: nothing has been written. */
    static String unreachableAtStart(Environment env, SQLException cause) {
        String url = databaseUrl(env);
        String action = url.startsWith("jdbc:h2:")
                ? "内置数据库（H2）无法打开。请检查 data/ 目录是否可写、磁盘是否已满。"
                : "请检查：1. MySQL 服务是否已启动、地址和端口是否正确（ARC_DB_URL）；2. 用户名和密码是否正确"
                  + "（ARC_DB_USER、ARC_DB_PASSWORD）；3. 数据库是否已创建并授权给该用户（见 README“MySQL in production”）；"
                  + "4. 本机与数据库之间的网络和防火墙。排除后重新运行同一命令即可。";
        return "错误: 无法连接数据库，汇总任务未启动，没有写入任何数据。\n  数据库地址: " + url + "\n  用户: "
                + env.getProperty("spring.datasource.username", "") + "\n  数据库返回: " + cause.getMessage() + "\n  " + action
                + "\n  详细信息见日志 " + logFile(env);
    }

    /** The connection to the database broke while a run was going (a server stopped, a network cut). */
    static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    static String connectionLost(Environment env, RunProgress progress) {
        String where = progress.lastStep().map(step -> "（" + STEP_NAMES.getOrDefault(step, step) + "阶段）")
                .orElse("（任务开始前）");
        int stored = progress.storedSubmissions();
        return "错误: 运行中与数据库的连接中断" + where + "。中断前本次运行已保存 " + stored + " 份报送的处理结果。"
                + "\n  已保存的数据不会丢失，尚未保存的报送会在下次运行时处理。"
                + "\n  请在数据库恢复后再次运行同一命令，将从中断处继续。"
                + "\n  数据库地址: " + databaseUrl(env) + "\n  详细信息见日志 " + logFile(env);
    }

    /** Any other failure: the run did not complete; what is stored stays. */
    static String failed(Environment env, Throwable failure) {
        return "错误: 运行未完成: " + rootMessage(failure) + "\n  数据库中已保存的结果保留；排除原因后再次运行同一命令即可从中断处继续。"
                + "\n  详细信息见日志 " + logFile(env);
    }

    static String failedAtStart(Environment env, Throwable failure) {
        return "错误: 汇总任务未能启动: " + rootMessage(failure) + "\n  详细信息见日志 " + logFile(env);
    }

    static Path logFile(Environment env) {
        return Path.of(env == null ? DEFAULT_LOG_FILE : env.getProperty("logging.file.name", DEFAULT_LOG_FILE))
                .toAbsolutePath().normalize();
    }

    static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String databaseUrl(Environment env) {
        // a password given in the URL is not printed
        return env.getProperty("spring.datasource.url", "(未设置)").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getMessage() == null || root.getMessage().isBlank()) {
            return root.getClass().getSimpleName();
        }
        // the first line only: a database's message may go on with the whole SQL statement
        String first = root.getMessage().strip().lines().findFirst().orElse("");
        return first.length() > MAX_REASON ? first.substring(0, MAX_REASON) + "…" : first;
    }
}
