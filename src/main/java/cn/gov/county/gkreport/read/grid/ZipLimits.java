package cn.gov.county.gkreport.read.grid;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The zip-bomb guard of one .xlsx read: the inflated size of the parts read is bounded both by what
 * the zip declares and by what actually comes out of the inflater, counted across all parts (a
 * zip's declared sizes can lie). One instance per file read; the feedback copy uses
 * {@link #inflatesWithin} before it loads a unit's workbook whole.
 */
public final class ZipLimits {

    /** Ratios are only checked above this size: small XML legitimately compresses very well. */
    private static final long RATIO_CHECK_MIN_BYTES = 1L << 20;

    private final long maxInflatedBytes;
    private final double maxCompressionRatio;
    private long inflated;
    private boolean exceeded;

    ZipLimits(long maxInflatedBytes, double maxCompressionRatio) {
        this.maxInflatedBytes = maxInflatedBytes;
        this.maxCompressionRatio = maxCompressionRatio;
    }

    /**
     * Whether the zip's entries, actually inflated, stay within {@code limit} bytes in all. Reads
     * every entry to its end (or until the limit is passed); nothing is kept.
     */
    public static boolean inflatesWithin(Path file, long limit) throws IOException {
        ZipLimits counted = new ZipLimits(limit, Double.MAX_VALUE);
        byte[] buffer = new byte[8192];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                try (InputStream in = counted.count(zip.getInputStream(entries.nextElement()))) {
                    while (in.read(buffer) >= 0) {
                        // counting is all
                    }
                }
            }
        } catch (InflateLimitExceeded e) {
            return false;
        }
        return true;
    }

    long maxInflatedBytes() {
        return maxInflatedBytes;
    }

    /** Whether a stream of this read passed the inflated-bytes limit (its failure is then TOO_LARGE). */
    boolean exceeded() {
        return exceeded;
    }

    /** Refuses, before inflating anything, parts whose declared sizes or ratios are beyond the limits. */
    void checkDeclaredSizes(Iterable<ZipEntry> entries) throws UnreadableWorkbookException {
        long total = 0;
        for (ZipEntry entry : entries) {
            long size = entry.getSize();
            if (size < 0) {
                continue; // unknown: the counting stream still bounds it
            }
            total += size;
            long compressed = entry.getCompressedSize();
            if (size > RATIO_CHECK_MIN_BYTES
                    && (compressed <= 0 || (double) size / compressed > maxCompressionRatio)) {
                throw UnreadableWorkbookException.tooLarge("part " + entry.getName() + " inflates " + compressed
                        + " -> " + size + " bytes, ratio limit " + maxCompressionRatio);
            }
        }
        if (total > maxInflatedBytes) {
            throw UnreadableWorkbookException.tooLarge("parts declare " + total + " inflated bytes, limit "
                    + maxInflatedBytes);
        }
    }

    /** The stream, its inflated bytes counted against this read's limit. */
    InputStream count(InputStream in) {
        return new CountingStream(in);
    }

    /** Thrown by the counting stream when the inflated bytes pass the limit. */
    private static final class InflateLimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        InflateLimitExceeded(String message) {
            super(message);
        }
    }

    private final class CountingStream extends FilterInputStream {

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) throws InflateLimitExceeded {
            inflated += n;
            if (inflated > maxInflatedBytes) {
                exceeded = true;
                throw new InflateLimitExceeded("inflated more than " + maxInflatedBytes + " bytes");
            }
        }
    }
}
