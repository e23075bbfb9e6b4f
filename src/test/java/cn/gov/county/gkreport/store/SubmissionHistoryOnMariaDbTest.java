package cn.gov.county.gkreport.store;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SubmissionHistoryOnMariaDbTest extends SubmissionHistoryTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "history");
    }
}
