package org.ward.simulator.tenant;

import java.util.Locale;
import java.util.Map;

/** The MIME types SharePoint assigns by extension, for the file types a clinic keeps. */
public final class MimeTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("webm", "video/webm"),
            Map.entry("avi", "video/x-msvideo"), Map.entry("wmv", "video/x-ms-wmv"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("m4a", "audio/mp4"), Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"),
            Map.entry("wma", "audio/x-ms-wma"), Map.entry("ogg", "audio/ogg"), Map.entry("aac", "audio/aac"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("heic", "image/heic"), Map.entry("gif", "image/gif"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("dcm", "application/dicom"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("doc", "application/msword"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("vtt", "text/vtt"),
            Map.entry("one", "application/msonenote"), Map.entry("msg", "application/vnd.ms-outlook"),
            Map.entry("zip", "application/zip"));

    private MimeTypes() {
    }

    public static String forName(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }

    /** Office files and PDFs are the only files a sensitivity label can sit on. */
    public static boolean labelable(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".docx") || n.endsWith(".xlsx") || n.endsWith(".pptx") || n.endsWith(".pdf")
                || n.endsWith(".doc") || n.endsWith(".xls") || n.endsWith(".ppt");
    }
}
