package cn.gov.county.gkreport.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import cn.gov.county.gkreport.check.Assessment;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of the import on a long night (thousands of files, a province's first night): one line
 * at a steady pace — files read of the total, accepted, rejected, time so far, rate and time left —
 * and a closing line when any progress was shown. A night that imports within one interval (the
 * county's 41 units) prints nothing.
 */
public class ImportProgress implements StepExecutionListener, ItemWriteListener<Assessment> {

    private final IntSupplier pending;
    private final Clock clock;
    private final Duration interval;
    private final Consumer<String> out;

    private int total;
    private int accepted;
    private int rejected;
    private Instant start;
    private Instant lastShown;
    private boolean shown;

    /**
     * @param pending  how many files wait to be read when the step starts
     * @param interval the pace of the lines; also how long a night may take before the first one
     */
    public ImportProgress(IntSupplier pending, Clock clock, Duration interval, Consumer<String> out) {
        this.pending = pending;
        this.clock = clock;
        this.interval = interval;
        this.out = out;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        total = pending.getAsInt();
        accepted = 0;
        rejected = 0;
        start = clock.instant();
        lastShown = start;
        shown = false;
    }

    @Override
    public void afterWrite(Chunk<? extends Assessment> items) {
        for (Assessment assessment : items) {
            if (assessment.accepted()) {
                accepted++;
            } else {
                rejected++;
            }
        }
        Instant now = clock.instant();
        if (Duration.between(lastShown, now).compareTo(interval) >= 0) {
            lastShown = now;
            shown = true;
            out.accept(line(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (shown) {
            out.accept(line(clock.instant()));
        }
        return null;
    }

    /** 「导入进度: 已读取 1200/3000（40%），通过 1176，未通过 24，用时 1分00秒，每秒 20.0 个，预计还需 1分30秒」 */
    String line(Instant now) {
        int read = accepted + rejected;
        Duration elapsed = Duration.between(start, now);
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = read / seconds;
        StringBuilder line = new StringBuilder("导入进度: 已读取 ").append(read).append('/').append(Math.max(total, read));
        if (total > 0) {
            line.append("（").append(read * 100 / Math.max(total, read)).append("%）");
        }
        line.append("，通过 ").append(accepted).append("，未通过 ").append(rejected)
                .append("，用时 ").append(duration(elapsed))
                .append("，每秒 ").append(String.format(Locale.ROOT, "%.1f", rate)).append(" 个");
        if (read < total && rate > 0) {
            line.append("，预计还需 ").append(duration(Duration.ofSeconds(Math.round((total - read) / rate))));
        }
        return line.toString();
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d小时%02d分%02d秒", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%d分%02d秒", s / 60, s % 60) : s + "秒";
    }
}
