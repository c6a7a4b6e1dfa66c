package org.ward.connector.labels;

import java.util.Locale;
import java.util.Set;

/**
 * The file types SharePoint and OneDrive can put a sensitivity label on: Office Open XML documents, Visio drawings
 * and PDF. Audio, video and images cannot carry one; older binary Office files (.doc, .xls, .ppt) neither.
 */
public final class LabelableFile {

    private static final Set<String> EXTENSIONS = Set.of("docx", "docm", "xlsx", "xlsm", "xlsb", "pptx", "ppsx", "pdf",
            "vsdx", "vsdm");

    private LabelableFile() {
    }

    public static boolean labelable(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
