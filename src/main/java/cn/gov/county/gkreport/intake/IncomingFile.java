package cn.gov.county.gkreport.intake;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file found in the input folder, fingerprinted.
 *
 * @param path       where it is
 * @param fileName   its name as the unit sent it
 * @param sha256     hex SHA-256 of its content: the same file under any name is the same submission
 * @param size       bytes
 * @param modifiedAt the file's modification time (the second key of the "newer" rule)
 */
public record IncomingFile(Path path, String fileName, String sha256, long size, Instant modifiedAt) {
}
