package cn.gov.county.gkreport.job;

import cn.gov.county.gkreport.support.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The functional test on a real MySQL-compatible server: an embedded MariaDB, or the MySQL given
 * by {@code ARC_TEST_MYSQL_URL}. Uses the production ("mysql") migrations.
 */
class ConsolidationJobOnMariaDbTest extends ConsolidationJobFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.Database db = TestDatabases.newDatabase("e2e");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/common,classpath:db/migration/batch/mysql");
    }
}
