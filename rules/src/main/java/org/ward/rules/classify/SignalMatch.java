package org.ward.rules.classify;

/**
 * How one signal matched an item.
 *
 * @param matched what the pack named and was found (the pattern, extension, keyword, column)
 * @param where where it was found ("folder path", "column Study"), or null for the file as a whole
 * @param because the same in words, identifiers masked
 */
record SignalMatch(String matched, String where, String because) {
}
