package cn.gov.county.gkreport.read.grid;

/**
 * Why a file could not be read as a workbook at all. Each reason has its own Chinese explanation
 * for the clerk, with what to do about it.
 */
public enum UnreadableReason {
    EMPTY("文件为空（0 字节）", "请重新导出并发送填好的表格文件。"),
    NOT_EXCEL("文件不是 Excel 文件", "请使用县里下发的标准模板（.xlsx），用 Excel、WPS 或 LibreOffice 填写后直接保存发送，不要改扩展名。"),
    NOT_A_WORKBOOK("文件是 Office 文件，但不是电子表格（例如 Word 文档）", "请发送填好的 Excel 表格，而不是 Word 或其他文档。"),
    ENCRYPTED("文件设置了打开密码（已加密）", "请取消文件密码后重新保存并发送。"),
    LEGACY_FORMAT("文件是过旧的 Excel 5.0/95 格式", "请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 再发送。"),
    XLSB("文件是 Excel 二进制工作簿（.xlsb）格式，本系统不能直接读取",
            "请在 Excel 中打开，点“文件”→“另存为”，“保存类型”选“Excel 工作簿(*.xlsx)”；WPS 中点“文件”→“另存为”，"
                    + "“文件类型”选“Microsoft Excel 文件(*.xlsx)”。保存后发送新的 .xlsx 文件。"),
    ODS("文件是 OpenDocument 电子表格（.ods，LibreOffice 或 WPS 的默认格式），本系统不能直接读取",
            "请在 LibreOffice 中打开，点“文件”→“另存为”，“文件类型”选“Excel 2007-365 (.xlsx)”，提示保存格式时点"
                    + "“使用 Excel 2007-365!”；WPS 中点“文件”→“另存为”，选“Microsoft Excel 文件(*.xlsx)”。保存后发送新的 .xlsx 文件。"),
    SPREADSHEET_XML("文件是“XML 电子表格 2003”格式（Excel 2003 的 .xml），本系统不能直接读取",
            "请在 Excel 或 WPS 中打开，点“文件”→“另存为”，“保存类型”选“Excel 工作簿(*.xlsx)”，保存后发送新的 .xlsx 文件。"),
    CORRUPT("文件已损坏，无法打开", "请在本机用 Excel 或 WPS 打开确认无误后重新保存并发送。"),
    TOO_LARGE("文件过大或解压后内容异常庞大，超出安全限制", "标准模板填好后不到 100 KB，请只保留模板中的工作表后重新保存发送。"),
    UNSAFE_CONTENT("文件内含不安全的 XML 结构（DTD/外部实体）", "请用标准模板重新填写并保存后发送。");

    private final String what;
    private final String advice;

    UnreadableReason(String what, String advice) {
        this.what = what;
        this.advice = advice;
    }

    /** What is wrong, in Chinese, as a whole phrase (文件…). */
    public String what() {
        return what;
    }

    /** What the clerk should do, in Chinese. */
    public String advice() {
        return advice;
    }
}
