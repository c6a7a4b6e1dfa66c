package org.ward.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.SharePointIdentity;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import com.microsoft.kiota.store.BackedModel;

/**
 * Reads simulator JSON with the official SDK's model classes (microsoft-graph v6, Kiota's JSON parser) and
 * finds every property the models did not recognise: Kiota puts those in {@code additionalData}, so a misspelt,
 * miscased or invented field shows up there.
 */
public final class SdkModels {

    /** OData annotations Graph itself sends; the models leave most of them to additionalData. */
    static final Set<String> ANNOTATIONS = Set.of("@odata.context", "@odata.nextLink", "@odata.deltaLink",
            "@odata.type", "@odata.id", "@microsoft.graph.sharedChanged");

    private SdkModels() {
    }

    public static <T extends Parsable> T parse(String json, ParsableFactory<T> factory) {
        return new JsonParseNodeFactory()
                .getParseNode("application/json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .getObjectValue(factory);
    }

    /** Unrecognised properties as "path.property (ModelClass)"; empty when the models read everything. */
    public static List<String> unknownProperties(String json, ParsableFactory<? extends Parsable> factory) {
        List<String> unknown = new ArrayList<>();
        walk(parse(json, factory), "$", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value instanceof Parsable parsable) {
            if (!seen.add(parsable)) {
                return;
            }
            if (parsable instanceof AdditionalDataHolder holder) {
                for (String key : holder.getAdditionalData().keySet()) {
                    if (!ANNOTATIONS.contains(key) && !documentedButUnmodelled(parsable, key)) {
                        unknown.add(path + "." + key + " (" + parsable.getClass().getSimpleName() + ")");
                    }
                }
            }
            if (parsable instanceof BackedModel backed) {
                for (Map.Entry<String, Object> e : backed.getBackingStore().enumerate().entrySet()) {
                    if (!e.getKey().equals("additionalData")) {
                        walk(e.getValue(), path + "." + e.getKey(), unknown, seen);
                    }
                }
            }
        } else if (value instanceof Iterable<?> elements) {
            int i = 0;
            for (Object element : elements) {
                walk(element, path + "[" + i++ + "]", unknown, seen);
            }
        }
    }

    /**
     * Properties Graph sends that the v1.0 models lack, each shown by Microsoft or by a recorded real answer:
     * {@code email} on an identity (drive-list.json: createdBy/lastModifiedBy/owner.user.email; recorded
     * permission answers carry it on {@code siteUser} too), and {@code group} in a group library's {@code owner},
     * which v1.0 types as an identitySet without it (a recorded {@code GET /sites/{id}/drive} of a group site
     * answers {@code "owner": {"group": {email, id, displayName}}}).
     */
    private static boolean documentedButUnmodelled(Parsable model, String property) {
        return (model.getClass() == Identity.class || model.getClass() == SharePointIdentity.class) && property.equals("email")
                || model.getClass() == IdentitySet.class && property.equals("group");
    }
}
