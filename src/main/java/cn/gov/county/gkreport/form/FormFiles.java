package cn.gov.county.gkreport.form;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a workbook holding just the form: the blank template, or a unit's filled copy (the demo
 * input and test fixtures are made this way, so they look like what a clerk saves from Excel:
 * formulas with their cached results).
 */
public final class FormFiles {

    private final FormDefinition form;

    public FormFiles(FormDefinition form) {
        this.form = form;
    }

    public Map<String, SheetCell> write(Path file, FormContent content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Map<String, SheetCell> positions = new FormWorkbookWriter(form)
                    .write(workbook, content, FormWorkbookWriter.Options.TEMPLATE);
            // Cache every formula's result, as Excel does on save, so readers see the totals.
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            writeAtomically(workbook, file);
            return positions;
        }
    }

    /** Writes next to the target and moves into place, so no half-written file is ever seen. */
    public static void writeAtomically(org.apache.poi.ss.usermodel.Workbook workbook, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".writing-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                workbook.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
