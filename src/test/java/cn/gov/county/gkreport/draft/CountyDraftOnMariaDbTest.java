package cn.gov.county.gkreport.draft;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The county draft on a real MySQL-compatible server (embedded MariaDB, or ARC_TEST_MYSQL_URL). */
class CountyDraftOnMariaDbTest extends CountyDraftFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "draft");
    }
}
