package cn.gov.county.gkreport.read;

/**
 * A part of the form the reader could not find, or found in a format that cannot be read.
 *
 * @param sheet   the sheet looked in (or the table's usual sheet name)
 * @param message what is missing or wrong, in Chinese, with what to do
 */
public record ShapeProblem(String sheet, String message) {
}
