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
        this(zone, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A clock starting at a fixed instant (a test of dates: the reporting calendar). */
    public MutableClock(ZoneId zone, Instant start) {
        this.now = new AtomicReference<>(start);
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
