package cn.gov.county.gkreport.job;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The functional test on a real MySQL-compatible server: an embedded MariaDB, or the MySQL given
 * by {@code ARC_TEST_MYSQL_URL}, with the production migrations.
 */
class ConsolidationJobOnMariaDbTest extends ConsolidationJobFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "e2e");
    }
}
