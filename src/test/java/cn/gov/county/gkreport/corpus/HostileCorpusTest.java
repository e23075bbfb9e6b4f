package cn.gov.county.gkreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.read.UnreadableWorkbookException;
import cn.gov.county.gkreport.read.WorkbookLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed corpus is what its generator writes, and the loader refuses each unreadable file for its reason. */
class HostileCorpusTest {

    @Test
    void theCommittedCorpusIsTheGeneratorsOutput(@TempDir Path dir) throws Exception {
        List<HostileCorpus.Case> generated = HostileCorpus.write(dir);
        assertThat(generated).containsExactlyElementsOf(HostileCorpus.committedCases());
    }

    @Test
    void theLoaderRefusesEachUnreadableFileWithItsOwnReason() throws Exception {
        WorkbookLoader loader = new WorkbookLoader();
        for (HostileCorpus.Case c : HostileCorpus.committedCases()) {
            if (c.reason().isEmpty()) {
                continue;
            }
            Path file = HostileCorpus.COMMITTED.resolve("files").resolve(c.file());
            assertThatThrownBy(() -> loader.load(file)).as(c.file())
                    .isInstanceOfSatisfying(UnreadableWorkbookException.class,
                            e -> assertThat(e.reason().name()).isEqualTo(c.reason()));
        }
    }
}
