package cn.gov.county.gkreport.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The run lock of a year, kept in the database the run writes to: two runs on one database and
 * year would number versions and store outcomes twice, whatever their output folders. The lock is
 * the year's row of {@code run_lock}, locked with {@code SELECT … FOR UPDATE NOWAIT} on a
 * connection of its own for as long as the run lasts. The database releases it when that
 * connection ends, also when the process is killed, so no stale lock survives a crash.
 */
@Component
public class RunLock {

    /**
     * "Could not lock without waiting": MySQL 8 (ER_LOCK_NOWAIT), MariaDB (lock wait timeout, which
     * its NOWAIT raises) and H2 (LOCK_TIMEOUT_1). Any other failure is not "another run" and is thrown.
     */
    private static final Set<Integer> HELD_ELSEWHERE = Set.of(3572, 1205, 50200);

    private final DataSource dataSource;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The year's lock, or empty when another run (in any process) holds it. */
    public Optional<Held> tryLock(int year) throws SQLException {
        ensureRow(year);
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT report_year FROM run_lock WHERE report_year = ? FOR UPDATE NOWAIT")) {
                select.setInt(1, year);
                select.executeQuery().close();
            }
            return Optional.of(new Held(connection));
        } catch (SQLException e) {
            release(connection);
            if (HELD_ELSEWHERE.contains(e.getErrorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The row to lock. Looked for first with a plain read: an insert of an existing key would wait for
     * the running run's lock. Two runs starting at once may both insert it; the second one's duplicate
     * is harmless.
     */
    private void ensureRow(int year) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT COUNT(*) FROM run_lock WHERE report_year = ?")) {
                find.setInt(1, year);
                try (ResultSet rows = find.executeQuery()) {
                    if (rows.next() && rows.getInt(1) > 0) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO run_lock (report_year) VALUES (?)")) {
                insert.setInt(1, year);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e; // anything but the other run's row (integrity constraint violation)
                }
            }
        }
    }

    /**
     * Ends the transaction that holds the row. A connection already broken (the database lost) has
     * released it on the server's side: nothing to report then, the run's own outcome says it all.
     */
    private static void release(Connection connection) {
        try (connection) {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException brokenConnection) {
            Startup.DETAILS.debug("run lock released with its broken connection", brokenConnection);
        }
    }

    /** A held lock; closing it ends the transaction that holds the row, which releases it. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            release(connection);
        }
    }
}
