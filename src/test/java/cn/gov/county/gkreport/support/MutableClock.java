package cn.gov.county.gkreport.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves forward between nightly runs. One per Spring test context (a bean), never a
 * static shared by test classes: the H2 and MariaDB variants of a test must each start at "now".
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(ZoneId zone) {
        this.now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.zone = zone;
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
