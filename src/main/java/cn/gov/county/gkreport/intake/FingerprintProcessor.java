package cn.gov.county.gkreport.intake;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Fingerprints a file found in the input folder. A file that cannot even be opened (permissions,
 * removed meanwhile) is logged and left for the next run rather than stopping the night.
 */
public class FingerprintProcessor implements ItemProcessor<Path, IncomingFile> {

    private static final Logger log = LoggerFactory.getLogger(FingerprintProcessor.class);

    @Override
    public IncomingFile process(Path file) {
        try {
            return InputFolder.fingerprint(file);
        } catch (UncheckedIOException e) {
            log.warn("无法读取文件，本次跳过（下次运行会再试）: {} ({})", file, e.getCause().getMessage());
            return null;
        }
    }
}
