package cn.gov.county.gkreport.read;

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

    public ReadLimits {
        maxColumns = maxColumns <= 0 ? 1_000 : maxColumns;
    }

    public ReadLimits(long maxFileBytes, long maxInflatedBytes, double maxCompressionRatio, int maxRows, int maxCells) {
        this(maxFileBytes, maxInflatedBytes, maxCompressionRatio, maxRows, maxCells, 1_000);
    }

    public static ReadLimits defaults() {
        return new ReadLimits(20L * 1024 * 1024, 100L * 1024 * 1024, 200, 10_000, 200_000, 1_000);
    }
}
