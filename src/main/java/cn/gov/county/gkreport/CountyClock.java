package cn.gov.county.gkreport;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The county's time: every "now" and "today" of the program (receipt times, reply dates, the chase
 * list's day, the draft's date) is taken from the one {@link Clock} bean, in the county's zone, so
 * the office's dates are right on a server set to UTC and a test can move time by replacing the bean.
 */
@Configuration(proxyBeanMethods = false)
public class CountyClock {

    /** The county's time zone, written once. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
