package org.ward.rules.classify;

import java.util.Locale;
import java.util.Map;

/**
 * The media type an extension stands for, for files Graph reports with no MIME type or a generic one
 * ({@code application/octet-stream}): SharePoint assigns MIME types from its own table, which leaves newer audio
 * formats (opus, amr, flac) generic, so a dictation saved as {@code .amr} would otherwise count as media only by its
 * extension. Types from the IANA media types registry and Apache httpd's mime.types.
 */
final class MediaTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("aac", "audio/aac"), Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/opus"), Map.entry("flac", "audio/flac"), Map.entry("wma", "audio/x-ms-wma"),
            Map.entry("amr", "audio/amr"), Map.entry("3ga", "audio/3gpp"), Map.entry("gsm", "audio/x-gsm"),
            Map.entry("dss", "audio/x-dss"), Map.entry("ds2", "audio/x-ds2"),
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("m4v", "video/x-m4v"),
            Map.entry("webm", "video/webm"), Map.entry("avi", "video/x-msvideo"), Map.entry("wmv", "video/x-ms-wmv"),
            Map.entry("mkv", "video/x-matroska"), Map.entry("mpg", "video/mpeg"), Map.entry("mpeg", "video/mpeg"),
            Map.entry("3gp", "video/3gpp"), Map.entry("asf", "video/x-ms-asf"), Map.entry("h264", "video/h264"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("heic", "image/heic"), Map.entry("heif", "image/heif"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("bmp", "image/bmp"), Map.entry("dng", "image/x-adobe-dng"),
            Map.entry("webp", "image/webp"), Map.entry("dcm", "application/dicom"));

    private MediaTypes() {
    }

    /** Whether Graph's MIME type says nothing about the content. */
    static boolean generic(String mimeType) {
        if (mimeType == null || mimeType.isBlank()) {
            return true;
        }
        String m = mimeType.toLowerCase(Locale.ROOT);
        return m.equals("application/octet-stream") || m.equals("binary/octet-stream") || m.equals("application/unknown");
    }

    /** The media type the extension stands for, or null when it is not a media format Ward knows. */
    static String ofExtension(String extension) {
        return BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT));
    }
}
