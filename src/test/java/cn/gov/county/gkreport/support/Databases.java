package cn.gov.county.gkreport.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a fresh database: H2 in MySQL mode, or a real MariaDB/MySQL. */
public final class Databases {

    public static final String MYSQL_MIGRATIONS = "classpath:db/migration/common,classpath:db/migration/batch/mysql";

    private Databases() {
    }

    public static void h2(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:t-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
    }

    /** An embedded MariaDB (or the server of ARC_TEST_MYSQL_URL), with the production migrations. */
    public static TestDatabases.Database mariaDb(DynamicPropertyRegistry registry, String prefix) {
        TestDatabases.Database db = TestDatabases.newDatabase(prefix);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.flyway.locations", () -> MYSQL_MIGRATIONS);
        return db;
    }
}
