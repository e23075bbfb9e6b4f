package cn.gov.county.gkreport.job;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the application and turns a failure to start into an exit status and a message the
 * operator can act on: another run has the embedded database open (3), a refusal such as a missing
 * roster (2), the database cannot be reached or anything else (1). Stack traces go to the log file.
 */
public final class Startup {

    /** The log file only (see logback-spring.xml): stack traces an operator does not read on the console. */
    static final Logger DETAILS = LoggerFactory.getLogger("cn.gov.county.gkreport.details");

    private Startup() {
    }

    /**
     * Runs the application to its end, with the given profiles added, and returns the process's
     * exit status.
     */
    public static int run(Class<?> application, List<String> profiles, String... args) {
        SpringApplication spring = new SpringApplication(application);
        spring.setAdditionalProfiles(profiles.toArray(String[]::new));
        AtomicReference<ConfigurableEnvironment> environment = new AtomicReference<>();
        spring.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) e -> environment.set(e.getEnvironment()));
        try {
            return SpringApplication.exit(spring.run(args));
        } catch (RuntimeException failure) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            DETAILS.error("start failed", failure);
            return report(failure, environment.get(), out);
        }
    }

    static int report(Throwable failure, ConfigurableEnvironment env, PrintStream out) {
        Optional<RunRefusal> refusal = FailureMessages.cause(failure, RunRefusal.class);
        if (refusal.isPresent()) {
            out.println("错误: " + refusal.get().getMessage());
            return refusal.get().exitCode();
        }
        if (env != null && FailureMessages.embeddedDatabaseInUse(failure)) {
            out.println(FailureMessages.lockedEmbedded(env));
            return ConsolidationCommand.LOCKED;
        }
        Optional<SQLException> database = FailureMessages.cause(failure, SQLException.class);
        if (env != null && database.isPresent() && FailureMessages.connectionLost(failure)) {
            out.println(FailureMessages.unreachableAtStart(env, database.get()));
        } else {
            out.println(FailureMessages.failedAtStart(env, failure));
        }
        return ConsolidationCommand.FAILED;
    }
}
