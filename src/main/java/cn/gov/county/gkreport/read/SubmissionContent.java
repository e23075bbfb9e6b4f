package cn.gov.county.gkreport.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gov.county.gkreport.form.SheetCell;
import cn.gov.county.gkreport.read.grid.WorkbookFormat;

/**
 * What a unit's workbook says, before any rule is applied: the cover fields, every figure with
 * its source cell, and the parts of the form that could not be found.
 *
 * @param format            the container format the file really has
 * @param cover             cover values by field key (trimmed text)
 * @param coverCells        where each cover value was found
 * @param figures           every form item found, by code
 * @param problems          missing tables, rows or columns; an old table 二
 * @param legacyTable3Cell  where the 2019 single （六）其他处理 row was found, when 表三 uses that layout
 * @param notes             what the reader noticed and decided (hidden sheets, converted units, evaluated formulas)
 * @param typedAsText       the items whose number was typed as text (Excel's SUM passes over such a cell)
 * @param explanations      what the unit wrote on the 说明 sheet about its warnings
 */
public record SubmissionContent(WorkbookFormat format, Map<String, String> cover, Map<String, SheetCell> coverCells,
                                Map<String, FigureCell> figures, List<ShapeProblem> problems,
                                Optional<SheetCell> legacyTable3Cell, List<ReadNote> notes, Set<String> typedAsText,
                                List<Explanation> explanations) {

    public SubmissionContent(WorkbookFormat format, Map<String, String> cover, Map<String, SheetCell> coverCells,
                             Map<String, FigureCell> figures, List<ShapeProblem> problems,
                             Optional<SheetCell> legacyTable3Cell, List<ReadNote> notes, Set<String> typedAsText) {
        this(format, cover, coverCells, figures, problems, legacyTable3Cell, notes, typedAsText, List.of());
    }

    public SubmissionContent(WorkbookFormat format, Map<String, String> cover, Map<String, SheetCell> coverCells,
                             Map<String, FigureCell> figures, List<ShapeProblem> problems,
                             Optional<SheetCell> legacyTable3Cell) {
        this(format, cover, coverCells, figures, problems, legacyTable3Cell, List.of(), Set.of());
    }

    public SubmissionContent {
        // Form order is kept (Map.copyOf would not): findings and stored figures follow the form.
        cover = Collections.unmodifiableMap(new LinkedHashMap<>(cover));
        coverCells = Collections.unmodifiableMap(new LinkedHashMap<>(coverCells));
        figures = Collections.unmodifiableMap(figures instanceof HandedOver<String, FigureCell> ? figures
                : new LinkedHashMap<>(figures));
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        typedAsText = Set.copyOf(typedAsText);
        explanations = List.copyOf(explanations);
    }

    /**
     * The reader's own map of figures, handed over when the content is built and never touched again:
     * taken without a copy (a couple of hundred entries per workbook, a few percent of reading it).
     */
    static final class HandedOver<K, V> extends LinkedHashMap<K, V> {

        HandedOver(int initialCapacity) {
            super(initialCapacity);
        }
    }

    public String coverValue(String key) {
        return cover.getOrDefault(key, "");
    }
}
