package cn.gov.county.gkreport.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child JVM of {@link EmbeddedDatabaseDurabilityTest}: commits numbered rows, one transaction
 * each, into the H2 file database at {@code args[0]} and prints {@code committed <n>} after each
 * commit has returned, until it is killed.
 */
public final class CommittingChild {

    private CommittingChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE committed_row (n INT PRIMARY KEY, padding VARCHAR(200))");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO committed_row VALUES (?, ?)")) {
                for (int n = 1; ; n++) {
                    insert.setInt(1, n);
                    insert.setString(2, "row " + n + " ".repeat(150));
                    insert.executeUpdate();
                    connection.commit();
                    System.out.println("committed " + n);
                    System.out.flush();
                }
            }
        }
    }
}
