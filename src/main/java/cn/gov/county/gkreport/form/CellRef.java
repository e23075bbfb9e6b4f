package cn.gov.county.gkreport.form;

/**
 * A cell position, zero-based, printable as the A1 reference a clerk sees in Excel. The one parser
 * of A1 references: the form's positions, the cells of a unit's .xlsx and the cells findings name
 * all go through {@link #parseOrNull}.
 */
public record CellRef(int row, int col) {

    /** Excel's grid: 1,048,576 rows by 16,384 columns (A..XFD). */
    public static final int MAX_ROWS = 1 << 20;
    public static final int MAX_COLUMNS = 1 << 14;

    public CellRef {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("negative cell position " + row + "," + col);
        }
    }

    /** Parses an A1 reference such as {@code D12} or {@code $D$12} (any case, no sheet). */
    public static CellRef parse(String a1) {
        CellRef ref = parseOrNull(a1);
        if (ref == null) {
            throw new IllegalArgumentException("not an A1 reference: " + a1);
        }
        return ref;
    }

    /**
     * The position of an A1 reference (1–3 letters, 1–7 digits, each optionally after a {@code $}),
     * or {@code null} when the text is not one or lies outside Excel's grid. Scans the characters
     * once without allocating: the .xlsx reader calls it for every cell.
     */
    public static CellRef parseOrNull(String a1) {
        int n = a1.length();
        int i = a1.startsWith("$") ? 1 : 0;
        int col = 0;
        int letters = 0;
        for (char ch; i < n && isAsciiLetter(ch = a1.charAt(i)); i++) {
            if (++letters > 3) {
                return null;
            }
            col = col * 26 + (Character.toUpperCase(ch) - 'A' + 1);
        }
        if (i < n && a1.charAt(i) == '$') {
            i++;
        }
        int row = 0;
        int digits = 0;
        for (char ch; i < n && (ch = a1.charAt(i)) >= '0' && ch <= '9'; i++) {
            if (++digits > 7) {
                return null;
            }
            row = row * 10 + (ch - '0');
        }
        if (letters == 0 || digits == 0 || i != n || row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) {
            return null;
        }
        return new CellRef(row - 1, col - 1);
    }

    private static boolean isAsciiLetter(char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
    }

    public static String columnName(int col) {
        StringBuilder name = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    public String a1() {
        return columnName(col) + (row + 1);
    }

    @Override
    public String toString() {
        return a1();
    }
}
