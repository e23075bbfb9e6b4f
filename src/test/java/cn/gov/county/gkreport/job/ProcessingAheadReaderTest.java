package cn.gov.county.gkreport.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The import step's read-ahead: results in reading order, bounded look-ahead, failures as from a processor. */
class ProcessingAheadReaderTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Reads 1..n and remembers how far it got. */
    private static final class Numbers implements ItemStreamReader<Integer> {
        private final Iterator<Integer> numbers;
        int read;
        boolean closed;

        Numbers(int n) {
            numbers = IntStream.rangeClosed(1, n).boxed().iterator();
        }

        @Override
        public Integer read() {
            if (!numbers.hasNext()) {
                return null;
            }
            read++;
            return numbers.next();
        }

        @Override
        public void open(ExecutionContext context) {
        }

        @Override
        public void update(ExecutionContext context) {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void handsOutResultsInReadingOrderThoughTheyFinishInAnyOrder() throws Exception {
        ProcessingAheadReader<Integer, String> reader = new ProcessingAheadReader<>(new Numbers(200), n -> {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            return "#" + n;
        }, pool, 7);
        reader.open(new ExecutionContext());
        List<String> out = new ArrayList<>();
        for (String s = reader.read(); s != null; s = reader.read()) {
            out.add(s);
        }
        ExecutionContext context = new ExecutionContext();
        reader.update(context);
        reader.close();

        assertThat(out).containsExactlyElementsOf(IntStream.rangeClosed(1, 200).mapToObj(n -> "#" + n).toList());
        assertThat(context.getLong(ProcessingAheadReader.PROCESS_ITEMS)).isEqualTo(200);
    }

    @Test
    void readsNoFurtherAheadThanTheWindowAndDropsTheLookAheadOnClose() throws Exception {
        Numbers numbers = new Numbers(100);
        ProcessingAheadReader<Integer, Integer> reader = new ProcessingAheadReader<>(numbers, n -> n, pool, 5);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).isEqualTo(1);
        assertThat(numbers.read).isEqualTo(5);
        assertThat(reader.read()).isEqualTo(2);
        assertThat(numbers.read).isEqualTo(6);
        reader.close();
        assertThat(numbers.closed).isTrue();
    }

    @Test
    void skipsItemsProcessedToNull() throws Exception {
        ProcessingAheadReader<Integer, Integer> reader = new ProcessingAheadReader<>(new Numbers(10),
                n -> n % 3 == 0 ? null : n, pool, 4);
        List<Integer> out = new ArrayList<>();
        for (Integer n = reader.read(); n != null; n = reader.read()) {
            out.add(n);
        }
        assertThat(out).containsExactly(1, 2, 4, 5, 7, 8, 10);
    }

    @Test
    void failsTheReadOfTheItemWhoseProcessingFailedWithTheOriginalException() throws Exception {
        ProcessingAheadReader<Integer, Integer> reader = new ProcessingAheadReader<>(new Numbers(10), n -> {
            if (n == 3) {
                throw new IllegalStateException("database gone");
            }
            return n;
        }, pool, 4);
        assertThat(reader.read()).isEqualTo(1);
        assertThat(reader.read()).isEqualTo(2);
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
    }
}
