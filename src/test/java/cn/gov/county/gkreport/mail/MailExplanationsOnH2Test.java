package cn.gov.county.gkreport.mail;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Explanations by reply mail on the embedded default: H2 in MySQL mode. */
class MailExplanationsOnH2Test extends MailExplanationFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
