package cn.gov.county.gkreport.job;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "the database cannot be reached at start" into a message an operator can act on: which
 * URL, what to check. Nothing has been written at that point (the job has not started).
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnavailableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = environment.getProperty("spring.datasource.url", "(未设置)").replaceAll("(?i)(password=)[^&;]*", "$1***");
        String user = environment.getProperty("spring.datasource.username", "");
        boolean h2 = url.startsWith("jdbc:h2:");
        String description = "无法连接数据库，汇总任务未启动，没有写入任何数据。\n  数据库地址: " + url + "\n  用户: " + user
                + "\n  数据库返回: " + cause.getMessage();
        String action = h2
                ? "内置数据库（H2）无法打开。请检查 data/ 目录是否可写、磁盘是否已满，以及是否有另一个汇总任务正在使用该数据库"
                  + "（同一时间只能运行一个）。"
                : "请检查：1. MySQL 服务是否已启动、地址和端口是否正确（ARC_DB_URL）；2. 用户名和密码是否正确"
                  + "（ARC_DB_USER、ARC_DB_PASSWORD）；3. 数据库是否已创建并授权给该用户（见 README“MySQL in production”）；"
                  + "4. 本机与数据库之间的网络和防火墙。排除后重新运行同一命令即可。";
        return new FailureAnalysis(description, action, cause);
    }
}
