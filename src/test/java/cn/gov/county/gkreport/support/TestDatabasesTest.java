package cn.gov.county.gkreport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import cn.gov.county.gkreport.support.TestDatabases.Database;

import org.junit.jupiter.api.Test;

/**
 * Checks that {@link TestDatabases} hands out real, separate, empty MySQL-compatible databases
 * that keep Chinese text and exact decimals.
 */
class TestDatabasesTest {

    private static final boolean EMBEDDED = System.getenv(TestDatabases.ENV_URL) == null
            || System.getenv(TestDatabases.ENV_URL).isBlank();

    @Test
    void handsOutDistinctEmptyUtf8mb4Databases() throws SQLException {
        Database a = TestDatabases.newDatabase("TestDatabasesTest");
        Database b = TestDatabases.newDatabase("TestDatabasesTest");
        System.out.println("Test database server: " + TestDatabases.describe());

        assertThat(a.name()).isNotEqualTo(b.name()).startsWith("testdatabasestest_");
        assertThat(a.url()).isNotEqualTo(b.url()).contains("/" + a.name() + "?").contains("sslMode=DISABLED");

        for (Database db : new Database[] {a, b}) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(db.name());
                }
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as("tables in %s", db.name()).isZero();
                }
                try (ResultSet rs = st.executeQuery("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                        + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("utf8mb4");
                    assertThat(rs.getString(2)).isEqualTo("utf8mb4_unicode_ci");
                }
            }
        }
    }

    @Test
    void roundTripsChineseTextAndDecimalsAndKeepsDatabasesApart() throws SQLException {
        Database a = TestDatabases.newDatabase("round_trip");
        Database b = TestDatabases.newDatabase("round_trip");

        try (Connection c = a.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE unit_amount (id INT PRIMARY KEY, county VARCHAR(50) NOT NULL,"
                        + " amount DECIMAL(18,2) NOT NULL)");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO unit_amount (id, county, amount) VALUES (?, ?, ?)")) {
                // A batch: exercises rewriteBatchedStatements=true.
                ps.setInt(1, 1);
                ps.setString(2, "泽州县");
                ps.setBigDecimal(3, new BigDecimal("6360.31"));
                ps.addBatch();
                ps.setInt(1, 2);
                ps.setString(2, "𠮷 (outside the BMP)");
                ps.setBigDecimal(3, new BigDecimal("9999999999999999.99"));
                ps.addBatch();
                ps.executeBatch();
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT county, amount FROM unit_amount ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("泽州县");
                assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("6360.31"));
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("𠮷 (outside the BMP)");
                assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("9999999999999999.99"));
                assertThat(rs.next()).isFalse();
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM unit_amount WHERE county = '泽州县'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }

        try (Connection c = b.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the other database stays empty").isZero();
        }
    }

    @Test
    void reportsTheServerVersion() throws SQLException {
        Database db = TestDatabases.newDatabase("version");
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            assertThat(rs.next()).isTrue();
            String version = rs.getString(1);
            if (EMBEDDED) {
                assertThat(version).contains("MariaDB");
                assertThat(TestDatabases.describe()).startsWith("embedded MariaDB " + version);
            } else {
                assertThat(TestDatabases.describe()).startsWith("external server ").contains(version);
            }
        }
    }

    @Test
    void makesSafeUniqueNames() {
        String first = TestDatabases.uniqueName("Some-Test.Class");
        String second = TestDatabases.uniqueName("Some-Test.Class");
        assertThat(first).matches("some_test_class_\\d+_\\d+_[0-9a-f]{4}");
        assertThat(second).isNotEqualTo(first);
        assertThat(TestDatabases.uniqueName("9lives")).startsWith("t_9lives_");
        assertThat(TestDatabases.uniqueName(null)).startsWith("t__");
        assertThat(TestDatabases.uniqueName("x".repeat(200))).hasSizeLessThanOrEqualTo(64);
    }
}
