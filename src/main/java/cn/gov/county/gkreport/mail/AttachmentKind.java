package cn.gov.county.gkreport.mail;

import java.util.Locale;
import java.util.Set;

/** What an attachment is, by its name and, without a telling extension, its content type. */
public enum AttachmentKind {
    XLSX, XLS, ARCHIVE, OTHER;

    private static final Set<String> ARCHIVES = Set.of("zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "cab", "arj",
            "lzh", "z");

    public boolean excel() {
        return this == XLSX || this == XLS;
    }

    /** What the attachment is: by extension first, by content type when the name tells nothing. */
    public static AttachmentKind of(String name, String contentType) {
        String ext = SafeFileName.extension(name == null ? "" : name);
        switch (ext) {
            case "xlsx":
                return XLSX;
            case "xls":
                return XLS;
            default:
                if (ARCHIVES.contains(ext)) {
                    return ARCHIVE;
                }
        }
        String type = baseType(contentType);
        if (!ext.isEmpty() && !ext.equals("bin") && !ext.equals("dat")) {
            return OTHER;
        }
        return switch (type) {
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> XLSX;
            case "application/vnd.ms-excel", "application/msexcel", "application/x-msexcel", "application/excel",
                 "application/x-excel" -> XLS;
            case "application/zip", "application/x-zip-compressed", "application/x-zip", "application/x-rar-compressed",
                 "application/vnd.rar", "application/x-rar", "application/x-7z-compressed", "application/gzip",
                 "application/x-gzip", "application/x-tar" -> ARCHIVE;
            default -> OTHER;
        };
    }

    public static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
