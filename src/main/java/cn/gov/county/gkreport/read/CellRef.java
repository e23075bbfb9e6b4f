package cn.gov.county.gkreport.read;

/**
 * A cell position, zero-based, printable as the A1 reference a clerk sees in Excel.
 */
public record CellRef(int row, int col) {

    public CellRef {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("negative cell position " + row + "," + col);
        }
    }

    /** Parses an A1 reference such as {@code D12} (no sheet, no {@code $}). */
    public static CellRef parse(String a1) {
        int i = 0;
        int col = 0;
        while (i < a1.length() && Character.isLetter(a1.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(a1.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == a1.length()) {
            throw new IllegalArgumentException("not an A1 reference: " + a1);
        }
        return new CellRef(Integer.parseInt(a1.substring(i)) - 1, col - 1);
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
