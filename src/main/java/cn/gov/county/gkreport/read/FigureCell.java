package cn.gov.county.gkreport.read;

import java.math.BigDecimal;

import cn.gov.county.gkreport.form.CellRef;

/**
 * One figure as found in the unit's file: where it was, what was there, and what it reads as.
 *
 * @param code   the form item code
 * @param sheet  the sheet name in the unit's file
 * @param cell   the cell in the unit's file
 * @param raw    what the cell showed (its text or number), for messages; empty when blank
 * @param value  the number read, or {@code null} when the content is not a number
 * @param reading how the value was obtained
 */
public record FigureCell(String code, String sheet, CellRef cell, String raw, BigDecimal value, Reading reading) {

    /** How a figure was read. */
    public enum Reading {
        /** A number, possibly typed as text ({@code ７０}, {@code 18件}, {@code 1,234}). */
        NUMBER,
        /** Blank or a placeholder ({@code -}, {@code —}, {@code /}, {@code 无}, {@code 零}) read as 0. */
        IMPLICIT_ZERO,
        /** Text that is not a number ({@code 详见附表}, {@code 约200}). */
        NOT_A_NUMBER,
        /** A formula error such as {@code #REF!}. */
        FORMULA_ERROR,
        /** A formula the saving tool never calculated: no value stored. */
        FORMULA_WITHOUT_VALUE,
        /** A date where a number belongs. */
        DATE,
        /**
         * A number written with another money unit than the item's ({@code 125000元} where the form
         * asks for 万元), converted to the item's unit; {@link FigureCell#raw()} keeps what was written.
         */
        CONVERTED
    }

    public boolean readable() {
        return value != null;
    }

    /** The value, or zero when unreadable (only for arithmetic checks that skip unreadable cells). */
    public BigDecimal valueOrZero() {
        return value == null ? BigDecimal.ZERO : value;
    }

    public static FigureCell missing(String code) {
        return new FigureCell(code, "", null, "", null, Reading.NOT_A_NUMBER);
    }
}
