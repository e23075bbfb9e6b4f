package cn.gov.county.gkreport.mail;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The clock the mail test moves between nightly runs (the mail steps ask it for "now"). */
@TestConfiguration(proxyBeanMethods = false)
class MailTestClock {

    @Bean
    Clock mailClock() {
        return MailJobFunctionalTest.CLOCK;
    }
}
