package org.ward.simulator.fidelity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ward.simulator.server.GraphModel;

import tools.jackson.databind.JsonNode;

/**
 * Walks a JSON answer against Graph's model, object by object, and reports every field the model does not have for
 * that object's type (exact case), every value of the wrong JSON kind, and every enum value that is not one of the
 * enum's members. Derived types are followed through {@code @odata.type}. The few fields real Graph sends beyond the
 * SDK's model are allowed by name, each with the Microsoft source that shows it.
 */
public final class ModelWalker {

    /** OData annotations Graph writes on the objects the simulator serves. */
    static final Set<String> ANNOTATIONS = Set.of("@odata.context", "@odata.nextLink", "@odata.deltaLink", "@odata.type",
            "@odata.id", "@odata.count",
            // driveItem delta with Prefer: deltashowsharingchanges marks items whose sharing changed
            // (learn.microsoft.com/graph/api/driveitem-delta, "Scanning permissions hierarchies").
            "@microsoft.graph.sharedChanged");

    private static final String SENSITIVITY_LABEL_EXAMPLE = "the tenant's labels carry them in Microsoft's example"
            + " (api-reference/v1.0/api/tenantdatasecurityandgovernance-list-sensitivitylabels.md; resources/"
            + "security-sensitivitylabel.md lists them), though the v1.0 SDK's sensitivityLabel model lacks them";

    /**
     * Fields real Graph sends that the v1.0 SDK model does not describe, by "type.field", with the source.
     */
    static final Map<String, String> BEYOND_THE_MODEL = Map.of(
            "identity.email", "Microsoft's drive examples give createdBy/lastModifiedBy/owner.user an email"
                    + " (api-reference/v1.0/api/drive-list.md, drive-get.md); recorded permission answers carry it too",
            "sharePointIdentity.email", "SharePoint's site users carry their e-mail (driveitem-list-permissions.md,"
                    + " grantedToV2.siteUser in recorded answers)",
            "identitySet.group", "a group library's owner is the group (beta's drive.owner is a sharePointIdentitySet with"
                    + " group; a recorded v1.0 GET /sites/{id}/drive of a group site answers owner.group)",
            "sensitivityLabel.applicableTo", SENSITIVITY_LABEL_EXAMPLE,
            "sensitivityLabel.color", SENSITIVITY_LABEL_EXAMPLE,
            "sensitivityLabel.isEnabled", SENSITIVITY_LABEL_EXAMPLE);

    private final GraphModel model;

    public ModelWalker(GraphModel model) {
        this.model = model;
    }

    /** Violations in a single entity of the type, as "path: problem". */
    public void entity(JsonNode node, String type, String path, List<String> violations) {
        object(node, type, path, violations);
    }

    /** Violations in a collection answer: annotations and a value array of the type. */
    public void collection(JsonNode body, String type, String path, List<String> violations) {
        if (!body.isObject()) {
            violations.add(path + ": a collection answer must be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (name.equals("value")) {
                if (!field.getValue().isArray()) {
                    violations.add(path + ".value: not an array");
                    continue;
                }
                int i = 0;
                for (JsonNode element : field.getValue()) {
                    object(element, type, path + ".value[" + i++ + "]", violations);
                }
            } else if (!ANNOTATIONS.contains(name)) {
                violations.add(path + "." + name + ": not part of a collection answer");
            }
        }
    }

    private void object(JsonNode node, String declared, String path, List<String> violations) {
        if (!node.isObject()) {
            violations.add(path + ": expected an object of microsoft.graph." + declared + ", got " + node.getNodeType());
            return;
        }
        String typeName = declared;
        JsonNode odataType = node.get("@odata.type");
        if (odataType != null && odataType.isString()) {
            typeName = odataType.asString().replaceFirst("^#?microsoft\\.graph\\.", "");
        }
        if (GraphModel.open(typeName)) {
            return;
        }
        GraphModel.StructuredType type = model.type(typeName);
        if (type == null) {
            violations.add(path + ": microsoft.graph." + typeName + " is not in the simulator's Graph model");
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            String at = path + "." + name;
            if (name.startsWith("@") || name.contains("@odata.")) {
                if (!ANNOTATIONS.contains(name)) {
                    violations.add(at + ": annotation Graph does not send here");
                }
                continue;
            }
            GraphModel.TypeRef ref = type.properties().get(name);
            if (ref == null) {
                if (!allowedBeyondTheModel(type, name)) {
                    GraphModel.TypeRef anyCase = type.property(name);
                    violations.add(at + (anyCase != null ? ": wrongly cased property of " : ": not a property of ")
                            + type.qualifiedName());
                }
                continue;
            }
            value(field.getValue(), ref, at, violations);
        }
    }

    private boolean allowedBeyondTheModel(GraphModel.StructuredType type, String field) {
        for (String t = type.name(); t != null; ) {
            if (BEYOND_THE_MODEL.containsKey(t + "." + field)) {
                return true;
            }
            GraphModel.StructuredType base = model.type(t);
            t = base == null ? null : base.base();
        }
        return false;
    }

    private void value(JsonNode value, GraphModel.TypeRef ref, String at, List<String> violations) {
        if (value.isNull()) {
            return;
        }
        if (ref.collection()) {
            if (!value.isArray()) {
                violations.add(at + ": expected a collection, got " + value.getNodeType());
                return;
            }
            int i = 0;
            for (JsonNode element : value) {
                single(element, ref.name(), false, at + "[" + i++ + "]", violations);
            }
            return;
        }
        single(value, ref.name(), ref.flags(), at, violations);
    }

    private void single(JsonNode value, String typeName, boolean flags, String at, List<String> violations) {
        if (value.isNull()) {
            return;
        }
        GraphModel.EnumType enumType = model.enumType(typeName);
        if (enumType != null) {
            if (!value.isString()) {
                violations.add(at + ": expected a member of microsoft.graph." + typeName + ", got " + value);
                return;
            }
            for (String member : flags ? value.asString().split(",") : new String[] {value.asString()}) {
                if (!enumType.members().contains(member.trim())) {
                    violations.add(at + ": '" + member.trim() + "' is not a member of microsoft.graph." + typeName + " "
                            + enumType.members());
                }
            }
            return;
        }
        switch (typeName) {
            case "String", "Binary", "Duration", "TimeOfDay" -> expect(value.isString(), value, "a string", at, violations);
            case "Guid" -> {
                if (expect(value.isString(), value, "a GUID", at, violations)) {
                    try {
                        UUID.fromString(value.asString());
                    } catch (IllegalArgumentException e) {
                        violations.add(at + ": '" + value.asString() + "' is not a GUID");
                    }
                }
            }
            case "DateTimeOffset" -> {
                if (expect(value.isString(), value, "a timestamp", at, violations)) {
                    try {
                        OffsetDateTime.parse(value.asString());
                    } catch (DateTimeParseException e) {
                        violations.add(at + ": '" + value.asString() + "' is not an ISO 8601 timestamp");
                    }
                }
            }
            case "Date" -> {
                if (expect(value.isString(), value, "a date", at, violations)) {
                    try {
                        LocalDate.parse(value.asString());
                    } catch (DateTimeParseException e) {
                        violations.add(at + ": '" + value.asString() + "' is not a date");
                    }
                }
            }
            case "Boolean" -> expect(value.isBoolean(), value, "a boolean", at, violations);
            case "Int32", "Int64" -> expect(value.isIntegralNumber(), value, "an integer", at, violations);
            case "Double", "Decimal" -> expect(value.isNumber(), value, "a number", at, violations);
            case "Untyped" -> {
            }
            default -> object(value, typeName, at, violations);
        }
    }

    private static boolean expect(boolean ok, JsonNode value, String what, String at, List<String> violations) {
        if (!ok) {
            violations.add(at + ": expected " + what + ", got " + value);
        }
        return ok;
    }
}
