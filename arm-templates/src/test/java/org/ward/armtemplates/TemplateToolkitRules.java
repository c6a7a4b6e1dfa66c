package org.ward.armtemplates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The rules of Microsoft's ARM template test toolkit (github.com/Azure/arm-ttk, arm-ttk/testcases/deploymentTemplate)
 * that matter for Ward's deployment, re-implemented over the parsed template so that they run in the Maven build.
 * Each returns one sentence per violation, naming where it is; an empty list passes. Where Ward is stricter than the
 * toolkit, the method says so.
 */
final class TemplateToolkitRules {

    /** The toolkit's age limit for apiVersions (apiVersions-Should-Be-Recent: 730 days). */
    static final int API_VERSION_MAX_AGE_DAYS = 730;

    private TemplateToolkitRules() {
    }

    /** Parameters-Must-Be-Referenced. */
    static List<String> unusedParameters(ArmTemplate template) {
        Set<String> used = template.literalArguments("parameters");
        return template.parameters().keySet().stream().filter(name -> !used.contains(name))
                .map(name -> "parameter '" + name + "' is never used").toList();
    }

    /** Variables-Must-Be-Referenced. */
    static List<String> unusedVariables(ArmTemplate template) {
        Set<String> used = template.literalArguments("variables");
        return template.variables().keySet().stream().filter(name -> !name.equals("copy"))
                .filter(name -> !used.contains(name)).map(name -> "variable '" + name + "' is never used").toList();
    }

    /** Secure-String-Parameters-Cannot-Have-Default: a secure parameter's default is empty or uses newGuid(). */
    static List<String> secureParametersWithDefaults(ArmTemplate template) {
        List<String> violations = new ArrayList<>();
        template.parameters().forEach((name, parameter) -> {
            JsonNode defaultValue = parameter.path("defaultValue");
            if (isSecure(parameter) && !defaultValue.isMissingNode() && !defaultValue.isNull()
                    && !(defaultValue.isString() && (defaultValue.stringValue().isEmpty()
                    || defaultValue.stringValue().replace(" ", "").toLowerCase(Locale.ROOT).contains("newguid()")))) {
                violations.add("secure parameter '" + name + "' has a default value other than empty or newGuid()");
            }
        });
        return violations;
    }

    /**
     * Password-params-must-be-secure: names with password, secret or accountkey are securestring or secureObject (the
     * toolkit's exceptions for secret names, permissions, versions, URLs and URIs kept). Ward is stricter: a name ending
     * in "Key" (an installation key, a shared key) must be secure too.
     */
    static List<String> secretParametersNotSecure(ArmTemplate template) {
        List<String> violations = new ArrayList<>();
        template.parameters().forEach((name, parameter) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean secretName = lower.contains("password") || lower.contains("accountkey")
                    || (lower.contains("secret") && !(lower.contains("permission") || lower.contains("version")
                    || lower.contains("url") || lower.contains("uri") || lower.contains("name")))
                    || name.endsWith("Key");
            if (secretName && !isSecure(parameter)) {
                violations.add("parameter '" + name + "' looks like a secret but is of type '"
                        + parameter.path("type").asString("") + "', not securestring");
            }
        });
        return violations;
    }

    private static final Pattern LIST_CALL = Pattern.compile("\\[.*?\\W?list\\w+\\s*\\(", Pattern.CASE_INSENSITIVE);

    /**
     * Outputs-Must-Not-Contain-Secrets: no list*() call, no secure parameter, no name with "password". Ward is
     * stricter: no output named like a secret or key, and none that reads a connection string or shared key.
     */
    static List<String> secretsInOutputs(ArmTemplate template) {
        List<String> violations = new ArrayList<>();
        Set<String> secureParameters = new java.util.TreeSet<>();
        template.parameters().forEach((name, parameter) -> {
            if (isSecure(parameter)) {
                secureParameters.add(name);
            }
        });
        template.outputs().forEach((name, output) -> {
            String text = output.toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (LIST_CALL.matcher(text).find()) {
                violations.add("output '" + name + "' calls a list*() function, which returns secrets");
            }
            if (lower.contains("password") || lower.contains("secret") || lower.contains("connectionstring")
                    || (lower.endsWith("key") && !lower.contains("keyvault"))) {
                violations.add("output '" + name + "' is named like a secret");
            }
            String textLower = text.toLowerCase(Locale.ROOT);
            if (textLower.contains(".connectionstring") || textLower.contains("sharedkey")
                    || textLower.contains("instrumentationkey")) {
                violations.add("output '" + name + "' reads a connection string or key");
            }
            for (String parameter : secureParameters) {
                if (Pattern.compile("parameters\\s*\\(\\s*'" + Pattern.quote(parameter) + "'").matcher(text).find()) {
                    violations.add("output '" + name + "' contains the secure parameter '" + parameter + "'");
                }
            }
        });
        return violations;
    }

    /**
     * Location-Should-Not-Be-Hardcoded: a location parameter of type string defaulting to resourceGroup().location,
     * resourceGroup().location and deployment().location nowhere else, and every resource's location an expression or
     * 'global'.
     */
    static List<String> hardcodedLocations(ArmTemplate template) {
        List<String> violations = new ArrayList<>();
        JsonNode location = template.parameters().get("location");
        if (location != null) {
            if (!location.path("type").asString("").equals("string")) {
                violations.add("the location parameter must be of type string");
            }
            String defaultValue = location.path("defaultValue").asString("");
            if (!defaultValue.isEmpty() && !Set.of("[resourceGroup().location]", "[deployment().location]", "global")
                    .contains(defaultValue.trim())) {
                violations.add("the location parameter's default must be [resourceGroup().location], not '"
                        + defaultValue + "'");
            }
        }
        Pattern groupLocation = Pattern.compile("(resourceGroup|deployment)\\(\\)\\.location", Pattern.CASE_INSENSITIVE);
        for (ArmTemplate.Located located : template.strings()) {
            if (groupLocation.matcher(located.value()).find() && !located.pointer().startsWith("/parameters/")) {
                violations.add(located.pointer() + ": use the location parameter, not resourceGroup().location");
            }
        }
        template.resources().forEach((pointer, resource) -> {
            JsonNode value = resource.path("location");
            if (!value.isMissingNode() && !(value.isString() && (ArmExpression.isExpression(value.stringValue())
                    || value.stringValue().equals("global")))) {
                violations.add(pointer + "/location: '" + value.asString("") + "' is hard-coded; use the location "
                        + "parameter");
            }
        });
        return violations;
    }

    /**
     * DeploymentTemplate-Must-Not-Contain-Hardcoded-Uri: no host of any Azure cloud (the toolkit's AllEnvironments
     * cache, plus Microsoft Graph's and Ward's national-cloud hosts and the clouds' DNS suffixes — stricter than the
     * toolkit) appears in the template except in a schema reference. Cloud endpoints come from environment().
     */
    static List<String> hardcodedCloudHosts(ArmTemplate template) {
        List<String> violations = new ArrayList<>();
        for (String host : cloudHosts()) {
            Matcher matcher = Pattern.compile(Pattern.quote(host), Pattern.CASE_INSENSITIVE).matcher(template.text());
            while (matcher.find()) {
                String before = template.text().substring(Math.max(0, matcher.start() - 15), matcher.start());
                if (!before.toLowerCase(Locale.ROOT).endsWith("https://schema.")) {
                    violations.add("hard-coded cloud host '" + host + "' at character " + matcher.start()
                            + "; derive it from environment()");
                }
            }
        }
        return violations;
    }

    static List<String> cloudHosts() {
        try (InputStream in = TemplateToolkitRules.class.getResourceAsStream("/cloud-hosts.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * apiVersions-Should-Be-Recent (and -In-Reference-Functions): every apiVersion is a fixed date, not a preview, and at
     * most 730 days old on {@code today} unless it is the newest generally available version recorded for its type
     * (arm-schemas/newest-api-versions.json). apiVersions given to reference() and list*() for a resource type the
     * template deploys must be the one it deploys with.
     */
    static List<String> staleApiVersions(ArmTemplate template, LocalDate today) {
        Map<String, String> newest = newestApiVersions();
        List<String> violations = new ArrayList<>();
        Map<String, String> deployed = new LinkedHashMap<>();
        template.resources().forEach((pointer, resource) -> {
            String type = resource.path("type").asString("");
            String apiVersion = resource.path("apiVersion").asString("");
            deployed.put(type.toLowerCase(Locale.ROOT), apiVersion);
            checkApiVersion(pointer + "/apiVersion", type, apiVersion, today, newest, violations);
        });
        for (ArmTemplate.Located located : template.expressions()) {
            for (ArmExpression.Call call : ArmExpression.parse(located.value()).calls()) {
                if ((call.key().equals("reference") || call.key().startsWith("list")) && call.arguments().size() >= 2
                        && call.arguments().get(1) instanceof ArmExpression.Text apiVersion) {
                    String type = resourceType(template, call.arguments().get(0));
                    if (type == null) {
                        violations.add(located.pointer() + ": cannot tell the resource type " + call.name()
                                + " reads; pass resourceId(...) or a variable holding one");
                        continue;
                    }
                    String used = deployed.get(type.toLowerCase(Locale.ROOT));
                    if (used != null && !used.equals(apiVersion.value())) {
                        violations.add(located.pointer() + ": " + call.name() + " reads " + type + " with apiVersion "
                                + apiVersion.value() + " but the template deploys it with " + used);
                    } else if (used == null) {
                        checkApiVersion(located.pointer(), type, apiVersion.value(), today, newest, violations);
                    }
                }
            }
        }
        return violations;
    }

    private static void checkApiVersion(String where, String type, String apiVersion, LocalDate today,
            Map<String, String> newest, List<String> violations) {
        Matcher date = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(-.+)?$").matcher(apiVersion);
        if (!date.matches()) {
            violations.add(where + ": apiVersion '" + apiVersion + "' of " + type + " is not a fixed date");
            return;
        }
        if (date.group(2) != null) {
            violations.add(where + ": " + type + " uses the preview apiVersion " + apiVersion);
            return;
        }
        LocalDate released;
        try {
            released = LocalDate.parse(date.group(1));
        } catch (DateTimeParseException e) {
            violations.add(where + ": apiVersion '" + apiVersion + "' is not a date");
            return;
        }
        long age = ChronoUnit.DAYS.between(released, today);
        if (age > API_VERSION_MAX_AGE_DAYS && !apiVersion.equals(newest.get(type.toLowerCase(Locale.ROOT)))) {
            violations.add(where + ": apiVersion " + apiVersion + " of " + type + " is " + age + " days old (more than "
                    + API_VERSION_MAX_AGE_DAYS + ") and not the newest one known ("
                    + newest.getOrDefault(type.toLowerCase(Locale.ROOT), "none recorded") + ")");
        }
    }

    /** The type a resourceId(...) call, or a variable holding one, names. */
    private static String resourceType(ArmTemplate template, ArmExpression expression) {
        if (expression instanceof ArmExpression.Call call) {
            if ((call.key().equals("resourceid") || call.key().equals("subscriptionresourceid"))
                    && call.arguments().get(0) instanceof ArmExpression.Text type) {
                return type.value();
            }
            if (call.key().equals("variables") && call.arguments().get(0) instanceof ArmExpression.Text name) {
                JsonNode value = template.variables().get(name.value());
                if (value != null && value.isString() && ArmExpression.isExpression(value.stringValue())) {
                    return resourceType(template, ArmExpression.parse(value.stringValue()));
                }
            }
        }
        return null;
    }

    static Map<String, String> newestApiVersions() {
        JsonNode newest = ArmSchemas.resource("newest-api-versions.json");
        Map<String, String> byType = new LinkedHashMap<>();
        newest.path("types").properties()
                .forEach(entry -> byType.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().stringValue()));
        return byType;
    }

    /** IDs-Should-Be-Derived-From-ResourceIDs, simplified: no literal resource id (with /subscriptions/ or /providers/). */
    static List<String> literalResourceIds(ArmTemplate template) {
        return template.strings().stream()
                .filter(located -> !ArmExpression.isExpression(located.value()) && !located.key())
                .filter(located -> located.value().contains("/subscriptions/") || located.value().contains("/providers/"))
                .filter(located -> !located.pointer().endsWith("/description"))
                .map(located -> located.pointer() + ": a literal resource id; build it with resourceId()").toList();
    }

    private static boolean isSecure(JsonNode parameter) {
        String type = parameter.path("type").asString("").toLowerCase(Locale.ROOT);
        return type.equals("securestring") || type.equals("secureobject");
    }
}
