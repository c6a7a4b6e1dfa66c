package org.ward.connector.inventory.collect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ward.connector.inventory.ListFields;

/**
 * Which of a list item's {@code fields} Ward reads, and how it reads them. Graph names each column by its internal
 * name, in which SharePoint writes every character that is not a letter, digit or underscore as {@code _xHHHH_} (a
 * space is {@code _x0020_}); Ward asks by internal name and keeps each column under the name it decodes to, which is
 * what a policy pack names. The retention label is SharePoint's {@code _ComplianceTag} column, with its kin
 * {@code _ComplianceFlags}, {@code _ComplianceTagWrittenTime} and {@code _ComplianceTagUserId} (recorded Graph v1.0
 * answers for list items list all four); Ward keeps the name only, an empty value meaning no label.
 */
final class FieldColumns {

    static final String LABEL = "_ComplianceTag";
    static final List<String> COMPLIANCE = List.of(LABEL, "_ComplianceFlags", "_ComplianceTagWrittenTime",
            "_ComplianceTagUserId");

    private final Set<String> wanted;
    private final List<String> select;

    /** @param columns the metadata columns to read, as the pack names them (display or internal spelling) */
    FieldColumns(Collection<String> columns) {
        Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> select = new ArrayList<>(COMPLIANCE);
        for (String column : new LinkedHashSet<>(columns)) {
            String decoded = decode(column.strip());
            if (!decoded.isEmpty() && names.add(decoded)) {
                select.add(encode(decoded));
            }
        }
        this.wanted = names;
        this.select = List.copyOf(select);
    }

    /** The {@code $select} of a {@code fields} expansion: the label's columns and the wanted ones, by internal name. */
    List<String> select() {
        return select;
    }

    /** {@code fields($select=…)} as an {@code $expand} value. */
    String expansion() {
        return "fields($select=" + String.join(",", select) + ")";
    }

    /** A list item's fields as Ward keeps them; values of other types are read as text. */
    ListFields read(String listItemId, Map<String, Object> fields) {
        String label = null;
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            String value = text(field.getValue());
            if (name.startsWith("@") || value == null || value.isBlank()) {
                continue;
            }
            if (name.equals(LABEL)) {
                label = value;
                continue;
            }
            String decoded = decode(name);
            if (wanted.contains(decoded)) {
                columns.put(decoded, value);
            }
        }
        return new ListFields(listItemId, label, columns);
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof com.microsoft.kiota.serialization.UntypedString s) {
            return s.getValue();
        }
        if (value instanceof com.microsoft.kiota.serialization.UntypedNode node
                && !(value instanceof com.microsoft.kiota.serialization.UntypedObject)
                && !(value instanceof com.microsoft.kiota.serialization.UntypedArray)) {
            Object inner = node.getValue();
            return inner == null ? null : inner.toString();
        }
        return value.toString();
    }

    /** A column's internal name: letters, digits and underscores kept, any other character as {@code _xHHHH_}. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c) || c == '_') {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "_x%04x_", (int) c));
            }
        }
        return out.toString();
    }

    /** The name an internal name stands for: each {@code _xHHHH_} back to its character. */
    static String decode(String internal) {
        if (internal.indexOf("_x") < 0) {
            return internal;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < internal.length()) {
            if (i + 7 <= internal.length() && internal.charAt(i) == '_' && internal.charAt(i + 1) == 'x'
                    && internal.charAt(i + 6) == '_' && hex(internal, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(internal.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                out.append(internal.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
