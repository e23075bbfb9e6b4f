package cn.gov.county.gkreport.read.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipLimitsTest {

    @TempDir
    Path dir;

    @Test
    void countsWhatActuallyInflatesAcrossEntries() throws IOException {
        Path zip = zipOfZeros(2, 600_000);

        assertThat(ZipLimits.inflatesWithin(zip, 1_200_000)).isTrue();
        assertThat(ZipLimits.inflatesWithin(zip, 1_199_999)).isFalse();
        assertThat(ZipLimits.inflatesWithin(zip, 600_000)).isFalse();
    }

    private Path zipOfZeros(int entries, int bytesEach) throws IOException {
        Path file = dir.resolve("zeros.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("part" + i + ".xml"));
                zip.write(new byte[bytesEach]);
                zip.closeEntry();
            }
        }
        return file;
    }
}
