package cn.gov.county.gkreport.mail;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Explanations by reply mail on a real MySQL-compatible server (embedded MariaDB, or {@code ARC_TEST_MYSQL_URL}). */
class MailExplanationsOnMariaDbTest extends MailExplanationFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "explanations");
    }
}
