package org.ward.simulator.lists;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SharePointGuid;
import org.ward.simulator.tenant.Tenant;

import tools.jackson.databind.node.ObjectNode;

/**
 * A list item's {@code fields} (a {@code fieldValueSet}) as SharePoint writes them through Graph: each column under its
 * internal name, values as strings. Without {@code $select} the answer carries the default set real answers show — the
 * document library's own columns, the library's custom columns that hold a value, and the retention-label columns
 * {@code _ComplianceTag} (the label's name), {@code _ComplianceFlags}, {@code _ComplianceTagWrittenTime} and
 * {@code _ComplianceTagUserId}, empty strings when the item carries no label (recorded answers of
 * {@code GET /v1.0/sites/{s}/lists/{l}/items/{i}?expand=fields} and of SharePoint's v2.0 list-item API, which Graph's
 * sites API serves, list them so). With {@code fields($select=…)} only the named columns come back, plus
 * {@code @odata.etag}; a name the list has no column for is left out (assumed: Microsoft documents no answer).
 */
public final class ListFields {

    /** The retention-label columns every document library has. */
    public static final Set<String> COMPLIANCE = Set.of("_ComplianceTag", "_ComplianceFlags", "_ComplianceTagWrittenTime",
            "_ComplianceTagUserId");

    private ListFields() {
    }

    /**
     * @param select the column names of {@code fields($select=…)}, or null for the default set
     */
    public static ObjectNode render(Tenant tenant, Drive drive, Item item, Set<String> select) {
        Map<String, String> all = all(tenant, drive, item);
        ObjectNode node = Json.object();
        node.put("@odata.etag", "\"" + etagGuid(item) + "," + item.version + "\"");
        if (select == null) {
            all.forEach(node::put);
            return node;
        }
        Map<String, String> byLowerName = new LinkedHashMap<>();
        all.forEach((name, value) -> byLowerName.put(name.toLowerCase(Locale.ROOT), name));
        for (String wanted : select) {
            String name = byLowerName.get(wanted.trim().toLowerCase(Locale.ROOT));
            if (name != null) {
                node.put(name, all.get(name));
            }
        }
        return node;
    }

    private static Map<String, String> all(Tenant tenant, Drive drive, Item item) {
        Map<String, String> fields = new LinkedHashMap<>();
        String extension = item.name.contains(".") ? item.name.substring(item.name.lastIndexOf('.') + 1) : "";
        fields.put("FileLeafRef", item.name);
        fields.put("id", String.valueOf(item.listItemId()));
        fields.put("ContentType", item.folder ? "Folder" : "Document");
        fields.put("Created", Json.date(item.createdDateTime));
        fields.put("AuthorLookupId", lookupId(item.createdById));
        fields.put("Modified", Json.date(item.lastModifiedDateTime));
        fields.put("EditorLookupId", lookupId(item.lastModifiedById));
        fields.put("_CheckinComment", "");
        fields.put("LinkFilenameNoMenu", item.name);
        fields.put("LinkFilename", item.name);
        fields.put("DocIcon", item.folder ? "" : extension);
        fields.put("FileSizeDisplay", item.folder ? "" : String.valueOf(item.size));
        fields.put("ItemChildCount", "0");
        fields.put("FolderChildCount", "0");
        Item.RetentionLabel label = item.retentionLabel;
        fields.put("_ComplianceFlags", label == null ? "" : complianceFlags(label));
        fields.put("_ComplianceTag", label == null ? "" : label.name());
        fields.put("_ComplianceTagWrittenTime", label == null || label.appliedDateTime() == null ? ""
                : Json.date(label.appliedDateTime()));
        fields.put("_ComplianceTagUserId", label == null ? "" : lookupId(label.appliedById()));
        fields.put("_CommentCount", "");
        fields.put("_LikeCount", "");
        fields.put("_DisplayName", "");
        fields.put("Edit", "0");
        fields.put("_UIVersionString", item.version + ".0");
        for (Map.Entry<String, String> column : new java.util.TreeMap<>(item.columns).entrySet()) {
            if (column.getValue() != null && !column.getValue().isEmpty()) {
                fields.put(internalName(column.getKey()), column.getValue());
            }
        }
        return fields;
    }

    /**
     * The flags SharePoint keeps beside a label. Microsoft documents no values; the simulator writes 1 for a label that
     * declares a record, 0 otherwise (assumed), and Ward does not read them.
     */
    private static String complianceFlags(Item.RetentionLabel label) {
        return label.record() ? "1" : "0";
    }

    /** The item's number in the site's user information list; stable per user (a site assigns its own). */
    private static String lookupId(String userId) {
        return userId == null ? "" : String.valueOf(Math.floorMod(userId.hashCode(), 900) + 10);
    }

    /**
     * A column's internal name as SharePoint makes it from a display name: letters, digits and underscores kept, every
     * other character written {@code _xHHHH_} (a space is {@code _x0020_}).
     */
    public static String internalName(String displayName) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < displayName.length(); i++) {
            char c = displayName.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_') {
                name.append(c);
            } else {
                name.append(String.format(Locale.ROOT, "_x%04x_", (int) c));
            }
        }
        return name.toString();
    }

    /**
     * The column names a {@code fields} expansion selects, from its options ({@code $select=a,b}), or null when it
     * selects none (the default set).
     */
    public static Set<String> selected(String options) {
        if (options == null) {
            return null;
        }
        for (String option : options.split(";")) {
            int eq = option.indexOf('=');
            if (eq > 0) {
                String key = option.substring(0, eq).trim();
                if (key.equalsIgnoreCase("$select") || key.equalsIgnoreCase("select")) {
                    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    for (String name : option.substring(eq + 1).split(",")) {
                        if (!name.isBlank()) {
                            names.add(name.trim());
                        }
                    }
                    return names;
                }
            }
        }
        return null;
    }

    /**
     * The options of the {@code fields} expansion inside a {@code listItem} expansion's options
     * ({@code $expand=fields($select=a,b)} gives {@code $select=a,b}; {@code $expand=fields} gives ""), or null when it
     * does not expand fields.
     */
    public static String fieldsOptionsWithin(String listItemOptions) {
        if (listItemOptions == null) {
            return null;
        }
        String lower = listItemOptions.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("fields");
        if (at < 0) {
            return null;
        }
        int open = at + "fields".length();
        if (open < listItemOptions.length() && listItemOptions.charAt(open) == '(') {
            int depth = 0;
            for (int i = open; i < listItemOptions.length(); i++) {
                char c = listItemOptions.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return listItemOptions.substring(open + 1, i);
                }
            }
        }
        return "";
    }

    static String etagGuid(Item item) {
        return SharePointGuid.of(item.id);
    }
}
