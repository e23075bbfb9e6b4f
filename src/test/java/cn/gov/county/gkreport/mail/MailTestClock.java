package cn.gov.county.gkreport.mail;

import cn.gov.county.gkreport.job.MailStepsConfiguration;
import cn.gov.county.gkreport.support.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The clock a mail test moves between nightly runs (the mail steps ask it for "now"): its own per test context. */
@TestConfiguration(proxyBeanMethods = false)
class MailTestClock {

    @Bean
    MutableClock mailClock() {
        return new MutableClock(MailStepsConfiguration.ZONE);
    }
}
