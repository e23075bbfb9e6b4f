package cn.gov.county.gkreport.benchmark;

import java.util.concurrent.atomic.AtomicLong;

import cn.gov.county.gkreport.ConsolidatorApplication;
import cn.gov.county.gkreport.job.ProcessingAheadReader;
import cn.gov.county.gkreport.job.StepNames;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;

/**
 * The product's main, plus timing of the import step's parts: the same application context as
 * {@link ConsolidatorApplication} (same configuration, same beans, same command line), with one
 * bean post-processor that registers listeners on {@code importSubmissionsStep} and prints, when
 * the step ends, the cumulative nanoseconds the step waited on its reader (pending rows, and
 * workbooks not yet read ahead), spent reading and checking workbooks (summed over the import
 * threads, from the read-ahead reader's counters) and storing outcomes (the writer, in the chunk
 * transaction):
 *
 * <pre>BENCH-STAGE importSubmissionsStep read.nanos=… process.nanos=… process.items=… write.nanos=… write.items=…</pre>
 *
 * <p>The listeners cost two {@code System.nanoTime()} calls per item. Run with {@code --plain} in
 * the benchmark to use {@link ConsolidatorApplication} itself instead.
 */
public final class StageTimingMain {

    private StageTimingMain() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ConsolidatorApplication.class, Hooks.class);
        System.exit(SpringApplication.exit(application.run(args)));
    }

    /** Registered as a bean by being a source of the application; not found by component scanning. */
    public static final class Hooks implements BeanPostProcessor {

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof ChunkOrientedStep step && StepNames.IMPORT_SUBMISSIONS.equals(beanName)) {
                Timings timings = new Timings(beanName);
                step.registerItemReadListener(timings);
                step.registerItemProcessListener(timings);
                step.registerItemWriteListener(timings);
                step.registerStepExecutionListener(timings);
                System.out.println("BENCH-HOOK timing listeners registered on " + beanName);
            }
            return bean;
        }
    }

    /** Cumulative time per part of a chunk-oriented step; safe with concurrent processing. */
    static final class Timings implements ItemReadListener<Object>, ItemProcessListener<Object, Object>,
            ItemWriteListener<Object>, StepExecutionListener {

        private final String step;
        private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[3]);
        private final AtomicLong readNanos = new AtomicLong();
        private final AtomicLong processNanos = new AtomicLong();
        private final AtomicLong processItems = new AtomicLong();
        private final AtomicLong writeNanos = new AtomicLong();
        private final AtomicLong writeItems = new AtomicLong();

        Timings(String step) {
            this.step = step;
        }

        @Override
        public void beforeRead() {
            started.get()[0] = System.nanoTime();
        }

        @Override
        public void afterRead(Object item) {
            readNanos.addAndGet(System.nanoTime() - started.get()[0]);
        }

        @Override
        public void onReadError(Exception ex) {
            readNanos.addAndGet(System.nanoTime() - started.get()[0]);
        }

        @Override
        public void beforeProcess(Object item) {
            started.get()[1] = System.nanoTime();
        }

        @Override
        public void afterProcess(Object item, Object result) {
            processNanos.addAndGet(System.nanoTime() - started.get()[1]);
            processItems.incrementAndGet();
        }

        @Override
        public void onProcessError(Object item, Exception e) {
            processNanos.addAndGet(System.nanoTime() - started.get()[1]);
        }

        @Override
        public void beforeWrite(Chunk<?> items) {
            started.get()[2] = System.nanoTime();
        }

        @Override
        public void afterWrite(Chunk<?> items) {
            writeNanos.addAndGet(System.nanoTime() - started.get()[2]);
            writeItems.addAndGet(items.size());
        }

        @Override
        public void onWriteError(Exception exception, Chunk<?> items) {
            writeNanos.addAndGet(System.nanoTime() - started.get()[2]);
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            // Workbooks are read and checked ahead, inside the step's reader: its own counters say how
            // long that took, and the step's read time is then mostly waiting for it.
            var context = stepExecution.getExecutionContext();
            long process = context.containsKey(ProcessingAheadReader.PROCESS_NANOS)
                    ? context.getLong(ProcessingAheadReader.PROCESS_NANOS) : processNanos.get();
            long processed = context.containsKey(ProcessingAheadReader.PROCESS_ITEMS)
                    ? context.getLong(ProcessingAheadReader.PROCESS_ITEMS) : processItems.get();
            System.out.println("BENCH-STAGE " + step + " read.nanos=" + readNanos.get() + " process.nanos="
                    + process + " process.items=" + processed + " write.nanos=" + writeNanos.get()
                    + " write.items=" + writeItems.get());
            return null;
        }
    }
}
