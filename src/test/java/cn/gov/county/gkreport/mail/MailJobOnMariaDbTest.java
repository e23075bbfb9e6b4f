package cn.gov.county.gkreport.mail;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail functional test on a real MySQL-compatible server (embedded MariaDB, or the MySQL of
 * {@code ARC_TEST_MYSQL_URL}): the mail tables' SQL and the per-message transactions under
 * REPEATABLE READ.
 */
class MailJobOnMariaDbTest extends MailJobFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "mail");
    }
}
