package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.gov.county.gkreport.support.ApplicationContextTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The run lock is per database and year: held, it refuses the same year at once (without waiting),
 * leaves other years free, and is free again when released. The second run's side of it in a real
 * second JVM is in {@link SecondRunTest}.
 */
abstract class RunLockTest extends ApplicationContextTest {

    @Autowired
    RunLock runLock;

    @Test
    void refusesTheSameYearAtOnceAndLeavesOtherYearsFree() throws Exception {
        try (RunLock.Held first = runLock.tryLock(2024).orElseThrow()) {
            // another thread: another connection, as another process would have
            Optional<RunLock.Held> second = CompletableFuture.supplyAsync(() -> tryLock(2024)).get(60, TimeUnit.SECONDS);
            assertThat(second).as("the same year while the first run holds it").isEmpty();
            try (RunLock.Held otherYear = runLock.tryLock(2023).orElseThrow()) {
                assertThat(otherYear).isNotNull();
            }
        }
        try (RunLock.Held again = CompletableFuture.supplyAsync(() -> tryLock(2024)).get(60, TimeUnit.SECONDS)
                .orElseThrow()) {
            assertThat(again).as("free once the first run released it").isNotNull();
        }
    }

    @Test
    void theFirstRunOfAYearCreatesItsLockRowOnce() throws Exception {
        runLock.tryLock(1999).orElseThrow().close();
        runLock.tryLock(1999).orElseThrow().close();
    }

    private Optional<RunLock.Held> tryLock(int year) {
        try {
            return runLock.tryLock(year);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
