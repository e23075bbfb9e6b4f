package cn.gov.county.gkreport.mail;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mail functional test on the embedded default: H2 in MySQL mode. */
class MailJobOnH2Test extends MailJobFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
