package org.ward.connector.inventory.collect;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ward.connector.inventory.DeltaPage;
import org.ward.connector.inventory.LibraryList;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.facts.Principal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a page of {@code root/delta} from Graph's JSON straight into Ward's records, one item at a time: only the
 * fields Ward keeps are looked at, everything else Graph sends is skipped unread. The field names are driveItem's
 * (Microsoft's driveItem resource and its facets); the shape is the one the SDK's {@code DriveItem} reads.
 */
final class DriveDeltaJson {

    private DriveDeltaJson() {
    }

    static DeltaPage page(JsonParser parser, String driveId) {
        List<ItemRecord> items = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> sharingChanged = new ArrayList<>();
        Map<String, String> listItemIds = new HashMap<>();
        List<DeltaPage.Unreadable> unreadable = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        LibraryList library = null;
        String rootId = null;
        String nextLink = null;
        String deltaLink = null;
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "@odata.nextLink" -> nextLink = parser.getValueAsString();
                case "@odata.deltaLink" -> deltaLink = parser.getValueAsString();
                case "value" -> {
                    expect(token, JsonToken.START_ARRAY);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Parsed item = readable(parser, unreadable);
                        if (item == null) {
                            continue;
                        }
                        if (item.deleted) {
                            removed.add(item.id);
                        } else if (item.root) {
                            rootId = item.id;
                        } else {
                            if (item.sharedChanged) {
                                sharingChanged.add(item.id);
                            }
                            if (item.listItemId != null) {
                                listItemIds.put(item.id, item.listItemId);
                            }
                            if (item.shared != null) {
                                shared.put(item.id, item.shared);
                            }
                            if (library == null) {
                                library = LibraryList.of(item.siteUrl, item.siteCollectionId, item.webId, item.listId);
                            }
                            items.add(item.toRecord(driveId));
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new DeltaPage(items, removed, sharingChanged, nextLink, deltaLink, rootId, listItemIds, library, shared,
                unreadable);
    }

    /**
     * A single driveItem answer (a GET of one item with the delta's {@code $select}), with its list item id; null when
     * the answer is a deleted item or the root.
     */
    static DeltaPage.Single single(JsonParser parser, String driveId) {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        Parsed item = item(parser);
        return item.deleted || item.root ? null : new DeltaPage.Single(item.toRecord(driveId), item.listItemId);
    }

    /**
     * One driveItem of a page, or null when one of its values is malformed (a date that is not a date, a size that is
     * not a number, a facet that is not an object): that item is noted in {@code unreadable} and skipped to its end, and
     * the rest of the page is read. A page that is not JSON, or is cut off, still fails as a whole ({@code GraphJsonReads}
     * reads it again, like a broken connection).
     */
    private static Parsed readable(JsonParser parser, List<DeltaPage.Unreadable> unreadable) {
        int depth = parser.streamReadContext().getNestingDepth();
        Parsed item = new Parsed();
        try {
            return item(parser, item);
        } catch (RuntimeException malformed) {
            if (malformed instanceof tools.jackson.core.exc.JacksonIOException
                    || malformed instanceof tools.jackson.core.exc.StreamReadException && !(malformed
                    instanceof tools.jackson.core.exc.InputCoercionException)) {
                // Cut off, or not JSON from here on: nothing after it can be trusted (the page is read again).
                throw malformed;
            }
            while (!(parser.currentToken() == JsonToken.END_OBJECT && parser.streamReadContext().getNestingDepth() == depth - 1)) {
                try {
                    parser.nextToken();
                } catch (RuntimeException notJson) {
                    malformed.addSuppressed(notJson);
                    throw malformed;
                }
                if (parser.currentToken() == null) {
                    throw malformed;
                }
            }
            // The reason names the field and what it should have been, never the value (it may be a file name).
            unreadable.add(new DeltaPage.Unreadable(item.id, "its " + item.field + " is not "
                    + EXPECTED.getOrDefault(item.field, "shaped as Microsoft documents it")));
            return null;
        }
    }

    private static final Map<String, String> EXPECTED = Map.ofEntries(Map.entry("size", "a number"),
            Map.entry("createdDateTime", "a date and time"), Map.entry("lastModifiedDateTime", "a date and time"),
            Map.entry("name", "a string"), Map.entry("id", "a string"));

    /** One driveItem; the parser stands on its START_OBJECT and ends on its END_OBJECT. */
    private static Parsed item(JsonParser parser) {
        return item(parser, new Parsed());
    }

    private static Parsed item(JsonParser parser, Parsed item) {
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            item.field = name;
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "id" -> item.id = parser.getString();
                case "name" -> item.name = parser.getString();
                case "size" -> item.size = parser.getLongValue();
                case "createdDateTime" -> item.created = instant(parser.getString());
                case "lastModifiedDateTime" -> item.modified = instant(parser.getString());
                case "parentReference" -> parentReference(parser, item);
                case "file" -> file(parser, item);
                case "folder" -> {
                    item.folder = true;
                    parser.skipChildren();
                }
                case "root" -> {
                    item.root = true;
                    parser.skipChildren();
                }
                case "deleted" -> {
                    item.deleted = true;
                    parser.skipChildren();
                }
                case "createdBy" -> item.createdBy = identity(parser);
                case "lastModifiedBy" -> item.lastModifiedBy = identity(parser);
                case "video" -> {
                    item.video = true;
                    item.duration = duration(parser, item.duration);
                }
                case "audio" -> {
                    item.audio = true;
                    item.duration = item.duration != null ? skip(parser, item.duration) : duration(parser, null);
                }
                case "photo" -> {
                    item.photo = true;
                    parser.skipChildren();
                }
                case "image" -> {
                    item.image = true;
                    parser.skipChildren();
                }
                case "sharepointIds" -> sharepointIds(parser, item);
                case "shared" -> item.shared = sharedScope(parser);
                case "@microsoft.graph.sharedChanged" -> item.sharedChanged = "true".equalsIgnoreCase(parser.getValueAsString());
                default -> parser.skipChildren();
            }
        }
        return item;
    }

    private static void parentReference(JsonParser parser, Parsed item) {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            parser.nextToken();
            if (name.equals("id")) {
                item.parentId = parser.getValueAsString();
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void file(JsonParser parser, Parsed item) {
        item.file = true;
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("mimeType")) {
                item.mimeType = parser.getValueAsString();
            } else if (name.equals("hashes") && token == JsonToken.START_OBJECT) {
                for (String hash = parser.nextName(); hash != null; hash = parser.nextName()) {
                    parser.nextToken();
                    switch (hash) {
                        case "quickXorHash" -> item.quickXorHash = parser.getValueAsString();
                        case "sha256Hash" -> item.sha256Hash = parser.getValueAsString();
                        default -> parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void sharepointIds(JsonParser parser, Parsed item) {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            parser.nextToken();
            switch (name) {
                case "listItemId" -> item.listItemId = parser.getValueAsString();
                case "listId" -> item.listId = parser.getValueAsString();
                case "siteId" -> item.siteCollectionId = parser.getValueAsString();
                case "webId" -> item.webId = parser.getValueAsString();
                case "siteUrl" -> item.siteUrl = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
    }

    /**
     * The {@code shared} facet's scope, or "" for a facet without one (under {@code Prefer: hierarchicalsharing}, an
     * item whose permissions are unique but not shared).
     */
    private static String sharedScope(JsonParser parser) {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        String scope = "";
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("scope") && token == JsonToken.VALUE_STRING) {
                scope = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return scope;
    }

    /** The {@code user} of an identitySet (id and display name), or null. */
    private static Principal identity(JsonParser parser) {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        Principal user = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("user") && token == JsonToken.START_OBJECT) {
                String id = null;
                String displayName = null;
                for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                    parser.nextToken();
                    switch (field) {
                        case "id" -> id = parser.getValueAsString();
                        case "displayName" -> displayName = parser.getValueAsString();
                        default -> parser.skipChildren();
                    }
                }
                user = new Principal(id, displayName, null);
            } else {
                parser.skipChildren();
            }
        }
        return user;
    }

    /** The facet's {@code duration} (milliseconds), or {@code fallback} when it has none. */
    private static Long duration(JsonParser parser, Long fallback) {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        Long duration = fallback;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("duration") && token.isNumeric()) {
                duration = parser.getLongValue();
            } else {
                parser.skipChildren();
            }
        }
        return duration;
    }

    private static Long skip(JsonParser parser, Long keep) {
        parser.skipChildren();
        return keep;
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    }

    private static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw new IllegalStateException("Graph's delta answer is not shaped as Microsoft documents it: expected "
                    + wanted + " but found " + actual);
        }
    }

    /** What one driveItem of the page said, before it becomes an {@link ItemRecord}. */
    private static final class Parsed {
        /** The field being read, to say which one was malformed. */
        String field;
        String id;
        String name;
        String parentId;
        long size;
        Instant created;
        Instant modified;
        Principal createdBy;
        Principal lastModifiedBy;
        boolean file;
        boolean folder;
        boolean root;
        boolean deleted;
        String mimeType;
        String quickXorHash;
        String sha256Hash;
        boolean audio;
        boolean video;
        boolean photo;
        boolean image;
        Long duration;
        boolean sharedChanged;
        String shared;
        String listItemId;
        String listId;
        String siteCollectionId;
        String webId;
        String siteUrl;

        ItemRecord toRecord(String driveId) {
            return new ItemRecord(driveId, id, parentId, name, null, folder, file ? mimeType : null, size, created, modified,
                    createdBy, lastModifiedBy, file ? quickXorHash : null, file ? sha256Hash : null,
                    new MediaFacets(audio, video, photo, image, duration), null, null, Map.of());
        }
    }
}
