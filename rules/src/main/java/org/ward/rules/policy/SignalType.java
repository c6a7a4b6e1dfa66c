package org.ward.rules.policy;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of evidence a recording kind can weigh. {@link #key()} is the YAML name. */
public enum SignalType {
    /** The item's MIME type matches one of the values ("video/*"). */
    MIME_TYPE("mime-type", true),
    /** The item's extension is one of the values ("mp4"). */
    EXTENSION("extension", true),
    /** Graph returned one of these facets: audio, video, photo, image. */
    FACET("facet", true),
    /** The file name matches one of these globs ("*-Meeting Recording.mp4"), ignoring case. */
    NAME_PATTERN("name-pattern", false),
    /** The item sits where Teams saves meeting recordings; values are the folder names (default "Recordings"). */
    TEAMS_RECORDINGS_FOLDER("teams-recordings-folder", false),
    /** A keyword appears in the file name, folder path, site name or URL, or library name. */
    CONTEXT_KEYWORD("context-keyword", false),
    /** A metadata column is set: "Name" (any value) or "Name=value". */
    COLUMN("column", false),
    /** The item's location is approved for this kind in the pack's registry. */
    APPROVED_LOCATION("approved-location", false),
    /** A valid patient identifier was found; weak (checksum only, no context) identifiers count weakWeight. */
    PATIENT_IDENTIFIER("patient-identifier", false);

    private final String key;
    private final boolean media;

    SignalType(String key, boolean media) {
        this.key = key;
        this.media = media;
    }

    public String key() {
        return key;
    }

    /** Media signals say what the file is; a kind applies to an item only when one of its media signals matches. */
    public boolean isMedia() {
        return media;
    }

    public static Optional<SignalType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
