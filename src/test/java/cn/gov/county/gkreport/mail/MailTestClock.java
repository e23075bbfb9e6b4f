package cn.gov.county.gkreport.mail;

import cn.gov.county.gkreport.CountyClock;
import cn.gov.county.gkreport.support.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock a mail test moves between nightly runs, in place of the program's {@link CountyClock} (everything
 * asks it for "now"): its own per test context.
 */
@TestConfiguration(proxyBeanMethods = false)
class MailTestClock {

    @Bean
    @Primary
    MutableClock mailClock() {
        return new MutableClock(CountyClock.ZONE);
    }
}
