package cn.gov.county.gkreport.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import cn.gov.county.gkreport.form.FormItem;
import cn.gov.county.gkreport.read.FigureCell;

/** Small helpers that turn figures into the words and numbers of a message. */
final class Figures {

    private Figures() {
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0 ? value.setScale(0).toPlainString()
                : value.stripTrailingZeros().toPlainString();
    }

    static BigDecimal sum(CheckContext context, List<String> codes) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String code : codes) {
            sum = sum.add(context.value(code));
        }
        return sum;
    }

    /**
     * The figures read as {@code reading}, in form order. Most workbooks have none: the figures are
     * scanned as they were read and only the cells found are put in form order.
     */
    static List<FigureCell> readAs(CheckContext context, FigureCell.Reading reading) {
        List<FigureCell> found = new ArrayList<>(0);
        for (FigureCell cell : context.content().figures().values()) {
            if (cell.reading() == reading) {
                found.add(cell);
            }
        }
        found.sort(Comparator.comparing(FigureCell::code, context.form().itemOrder()));
        return found;
    }

    /** The non-zero parts, named by their column: {@code 自然人 18，商业企业 1}. */
    static String nonZeroParts(CheckContext context, List<String> codes, boolean byColumn) {
        String parts = codes.stream().filter(c -> context.value(c).signum() != 0)
                .map(c -> {
                    FormItem item = context.form().item(c);
                    return (byColumn ? item.columnLabel() : item.rowLabel()) + " " + plain(context.value(c));
                })
                .collect(Collectors.joining("，"));
        return parts.isEmpty() ? "各项均为 0" : parts;
    }

    static String sheet(FigureCell cell) {
        return cell == null ? "" : cell.sheet();
    }

    static String a1(FigureCell cell) {
        return cell == null || cell.cell() == null ? "" : cell.cell().a1();
    }
}
