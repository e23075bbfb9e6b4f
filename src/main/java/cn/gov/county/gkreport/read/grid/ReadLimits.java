package cn.gov.county.gkreport.read.grid;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Resource limits that keep a hostile or absurd file from exhausting the nightly job. A filled
 * template is about 30 KB and inflates to well under 1 MB, so the defaults leave wide headroom.
 *
 * @param maxFileBytes     largest file accepted at all
 * @param maxInflatedBytes largest total uncompressed size of the parts we read from an .xlsx
 * @param maxCompressionRatio largest inflated/compressed ratio of one zip entry (zip-bomb guard)
 * @param maxRows          highest row index read in a sheet
 * @param maxCells         most non-empty cells read in one workbook
 * @param maxColumns       highest column index read in a sheet (the form is 15 columns wide)
 */
public record ReadLimits(long maxFileBytes, long maxInflatedBytes, double maxCompressionRatio,
                         int maxRows, int maxCells, int maxColumns) {

    /**
     * Bound from {@code consolidator.read-limits.*}: the two constructors would leave Spring Boot
     * unable to choose, and it silently kept the defaults. A limit not set (0) takes its default.
     */
    @ConstructorBinding
    public ReadLimits {
        maxFileBytes = maxFileBytes <= 0 ? 20L * 1024 * 1024 : maxFileBytes;
        maxInflatedBytes = maxInflatedBytes <= 0 ? 100L * 1024 * 1024 : maxInflatedBytes;
        maxCompressionRatio = maxCompressionRatio <= 0 ? 200 : maxCompressionRatio;
        maxRows = maxRows <= 0 ? 10_000 : maxRows;
        maxCells = maxCells <= 0 ? 200_000 : maxCells;
        maxColumns = maxColumns <= 0 ? 1_000 : maxColumns;
    }

    public ReadLimits(long maxFileBytes, long maxInflatedBytes, double maxCompressionRatio, int maxRows, int maxCells) {
        this(maxFileBytes, maxInflatedBytes, maxCompressionRatio, maxRows, maxCells, 1_000);
    }

    /** Every limit at its default. */
    public static ReadLimits defaults() {
        return new ReadLimits(0, 0, 0, 0, 0, 0);
    }
}
