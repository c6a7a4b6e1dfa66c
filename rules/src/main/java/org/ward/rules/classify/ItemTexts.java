package org.ward.rules.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.LocationKind;

/** The texts of an item and its location that keywords and identifiers are looked for in, each with its name. */
final class ItemTexts {

    /**
     * A named text, split into words once, when first asked (most items are documents whose words no keyword is ever
     * looked for in): {@code where} reads in a sentence ("the folder path"). Belongs to one classification, one thread.
     */
    static final class Source {

        private final String where;
        private final String text;
        private List<String> words;

        Source(String where, String text) {
            this.where = where;
            this.text = text;
        }

        String where() {
            return where;
        }

        String text() {
            return text;
        }

        List<String> words() {
            if (words == null) {
                words = Words.of(text);
            }
            return words;
        }
    }

    private ItemTexts() {
    }

    /**
     * File name, folder path, site name, site path and library name, in that order. Only the URL's path is used, and
     * not for a OneDrive: host names and OneDrive paths carry the tenant's domain ("nhs.uk"), which is no context.
     */
    static List<Source> context(ItemRecord item, LocationContext location) {
        List<Source> sources = new ArrayList<>();
        add(sources, "file name", item.name());
        add(sources, "folder path", item.folderPath());
        if (location != null) {
            add(sources, "site name", location.siteName());
            if (location.kind() != LocationKind.ONEDRIVE) {
                add(sources, "site path", sitePath(location.siteUrl()));
            }
            add(sources, "library", location.libraryName());
        }
        return sources;
    }

    private static String sitePath(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? null : url.substring(slash);
    }

    /** One source per metadata column, "Name: value", in name order so results are stable. */
    static List<Source> columns(ItemRecord item) {
        List<Source> sources = new ArrayList<>();
        new TreeMap<>(item.columns()).forEach((name, value) -> add(sources, "column " + name, name + ": " + value));
        return sources;
    }

    private static void add(List<Source> sources, String where, String text) {
        if (text != null && !text.isBlank()) {
            sources.add(new Source(where, text));
        }
    }
}
