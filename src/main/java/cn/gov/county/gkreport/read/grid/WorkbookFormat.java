package cn.gov.county.gkreport.read.grid;

/** The container format, decided from the file's content, never from its name. */
public enum WorkbookFormat {
    /** Office Open XML spreadsheet (.xlsx, also what WPS and LibreOffice write). */
    XLSX,
    /** A macro-enabled OOXML workbook (.xlsm): read like .xlsx; a copy of it must stay .xlsm to open. */
    XLSM,
    /** BIFF8 in an OLE2 container (.xls, Excel 97–2003). */
    XLS
}
