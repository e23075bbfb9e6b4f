package cn.gov.county.gkreport.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads items from a delegate and processes them ahead, on an executor, handing out the results in
 * reading order. Used by the import step so that the next chunk's workbooks are read and checked on
 * the import threads while the main thread stores the current chunk: with Spring Batch's
 * concurrent chunk processing alone, the threads idle during every write.
 *
 * <p>Restart is unaffected: nothing of the look-ahead is saved (the delegate's state is, as
 * before), and results read ahead but not yet written are dropped on close, so a restarted step
 * reads them again. Processing must therefore have no side effects, which assessing a workbook has
 * not. At most {@code window} items are held, so memory stays bounded whatever the input size.
 *
 * @param <I> what the delegate reads
 * @param <O> what processing makes of it; a {@code null} result filters the item out
 */
public class ProcessingAheadReader<I, O> implements ItemStreamReader<O> {

    /** Execution context keys: processing time summed over the threads, and items processed. */
    public static final String PROCESS_NANOS = "processingAhead.nanos";
    public static final String PROCESS_ITEMS = "processingAhead.items";

    private final ItemStreamReader<I> delegate;
    private final ItemProcessor<I, O> processor;
    private final Executor executor;
    private final int window;
    private final Deque<CompletableFuture<O>> ahead = new ArrayDeque<>();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private boolean exhausted;

    /**
     * @param window how many items may be read ahead; a chunk plus a few per thread keeps the
     *               threads busy while a chunk is written
     */
    public ProcessingAheadReader(ItemStreamReader<I> delegate, ItemProcessor<I, O> processor, Executor executor,
                                 int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.delegate = delegate;
        this.processor = processor;
        this.executor = executor;
        this.window = window;
    }

    @Override
    public O read() throws Exception {
        while (true) {
            fill();
            CompletableFuture<O> next = ahead.poll();
            if (next == null) {
                return null;
            }
            O result = await(next);
            if (result != null) {
                return result;
            }
        }
    }

    private void fill() throws Exception {
        while (!exhausted && ahead.size() < window) {
            I item = delegate.read();
            if (item == null) {
                exhausted = true;
                return;
            }
            ahead.add(CompletableFuture.supplyAsync(() -> process(item), executor));
        }
    }

    private O process(I item) {
        long start = System.nanoTime();
        try {
            return processor.process(item);
        } catch (Exception e) {
            throw new CompletionException(e);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
            items.incrementAndGet();
        }
    }

    /** The result, or the processing failure as the step would have seen it from a processor. */
    private static <O> O await(CompletableFuture<O> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        delegate.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        delegate.update(executionContext);
        executionContext.putLong(PROCESS_NANOS, nanos.get());
        executionContext.putLong(PROCESS_ITEMS, items.get());
    }

    @Override
    public void close() {
        // Whatever was read ahead and not handed out is dropped; a restart reads it again.
        ahead.forEach(future -> future.cancel(false));
        ahead.clear();
        exhausted = false;
        delegate.close();
    }
}
