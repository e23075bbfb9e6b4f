package cn.gov.county.gkreport.read.grid;

/** What a cell holds once read, independent of the file format it came from. */
public enum CellKind {
    /** A number; {@link GridCell#value()} is its exact decimal text (e.g. {@code 6360.31}). */
    NUMBER,
    /** A number shown with a date or time format: a date typed where a count belongs. */
    DATE,
    /** Text (shared, inline or a formula's string result). */
    TEXT,
    /** TRUE or FALSE. */
    BOOLEAN,
    /** An error value such as {@code #REF!} or {@code #DIV/0!}; the value is the error text. */
    ERROR,
    /** A formula cell whose file carries no cached result (never recalculated by the saving tool). */
    FORMULA_WITHOUT_VALUE
}
