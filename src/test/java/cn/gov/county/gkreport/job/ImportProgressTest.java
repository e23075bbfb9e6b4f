package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import cn.gov.county.gkreport.check.Assessment;
import cn.gov.county.gkreport.check.Finding;
import cn.gov.county.gkreport.check.Severity;
import cn.gov.county.gkreport.intake.RosterUnit;
import cn.gov.county.gkreport.intake.UnitType;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

class ImportProgressTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2025-01-20T17:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final List<String> lines = new ArrayList<>();

    private static Assessment assessment(boolean accepted) {
        List<Finding> findings = accepted ? List.of() : List.of(Finding.error("T3-SUM", "表三", "J28", "错"));
        return new Assessment(1, Optional.of(new RosterUnit("T01", "甲镇", UnitType.TOWN)), "XLSX", "gb-2021", "", "",
                List.of(), findings, Optional.empty());
    }

    /** A chunk of 20 with {@code rejected} of them rejected. */
    private static Chunk<Assessment> chunk(int rejected) {
        return new Chunk<>(IntStream.range(0, 20).mapToObj(i -> assessment(i >= rejected)).toList());
    }

    @Test
    void printsAtTheIntervalWithCountsRateAndTimeLeft() {
        ImportProgress progress = new ImportProgress(() -> 200, clock, Duration.ofSeconds(10), lines::add);
        progress.beforeStep(null);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(3));
            progress.afterWrite(chunk(i == 0 ? 2 : 0));
        }
        progress.afterStep(null);
        // chunks end at 3, 6, 9, 12 … 30 s: a line at 12 s (80 read), 24 s (160 read), and the closing line.
        assertThat(lines).containsExactly(
                "导入进度: 已读取 80/200（40%），通过 78，未通过 2，用时 12秒，每秒 6.7 个，预计还需 18秒",
                "导入进度: 已读取 160/200（80%），通过 158，未通过 2，用时 24秒，每秒 6.7 个，预计还需 6秒",
                "导入进度: 已读取 200/200（100%），通过 198，未通过 2，用时 30秒，每秒 6.7 个");
    }

    @Test
    void staysQuietWhenTheImportEndsWithinOneInterval() {
        ImportProgress progress = new ImportProgress(() -> 41, clock, Duration.ofSeconds(10), lines::add);
        progress.beforeStep(null);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMillis(400));
            progress.afterWrite(chunk(0));
        }
        progress.afterStep(null);
        assertThat(lines).isEmpty();
    }

    @Test
    void startsAgainForEachRun() {
        ImportProgress progress = new ImportProgress(() -> 40, clock, Duration.ofSeconds(10), lines::add);
        progress.beforeStep(null);
        clock.advance(Duration.ofSeconds(11));
        progress.afterWrite(chunk(1));
        progress.afterStep(null);
        lines.clear();
        progress.beforeStep(null);
        clock.advance(Duration.ofSeconds(1));
        progress.afterWrite(chunk(0));
        progress.afterStep(null);
        assertThat(lines).isEmpty();
    }

    @Test
    void writesLongDurationsInHoursAndMinutes() {
        assertThat(ImportProgress.duration(Duration.ofSeconds(65))).isEqualTo("1分05秒");
        assertThat(ImportProgress.duration(Duration.ofSeconds(3725))).isEqualTo("1小时02分05秒");
    }
}
