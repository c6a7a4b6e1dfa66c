package org.ward.rules.policy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.ward.rules.policy.PolicyNode.MapNode;
import org.ward.rules.policy.PolicyNode.ScalarNode;

/**
 * Loads policy packs: a built-in pack by name, or any file by path, following {@code extends} to the packs it
 * builds on, merging ({@link PolicyMerge}) and validating. Plain Java: the Spring wiring is in
 * the connector's PolicyConfiguration. Every failure is a {@link PolicyException} whose message names file, line and field.
 */
public final class PolicyLoader {

    private static final int MAX_CHAIN = 8;

    private final BuiltInPacks builtIns;

    public PolicyLoader(BuiltInPacks builtIns) {
        this.builtIns = builtIns;
    }

    /** A loader for the application: built-in packs come from {@code classpath:policies/}. */
    public static PolicyLoader fromClasspath() {
        return new PolicyLoader(BuiltInPacks.classpath());
    }

    /**
     * Loads what a setting names: a built-in pack name ("nhs-england"), {@code classpath:some/pack.yaml}, or a
     * file path ("policies/my-trust.yaml").
     */
    public PolicyPack load(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new PolicyException(new PolicyProblem("ward.policy.pack", 0, null,
                    "no policy pack is named; give a built-in pack name or a file path (" + knownPacks() + ")"));
        }
        if (reference.startsWith("classpath:")) {
            PolicyText text = classpathText(reference).orElseThrow(() -> new PolicyException(
                    new PolicyProblem(reference, 0, null, "there is no such resource on the classpath")));
            return loadChain(new Link(text, null));
        }
        if (PolicyNames.KEBAB.matcher(reference).matches() && !java.nio.file.Files.exists(Path.of(reference))) {
            return loadBuiltIn(reference);
        }
        return loadFile(Path.of(reference));
    }

    public PolicyPack loadBuiltIn(String name) {
        PolicyText text = builtIns.open(name).orElseThrow(() -> new PolicyException(new PolicyProblem(name, 0, null,
                builtIns.names().contains(name)
                        ? "the built-in policy pack is missing from " + builtIns.describe()
                        : "there is no built-in policy pack of that name; " + knownPacks())));
        return loadChain(new Link(text, name));
    }

    public PolicyPack loadFile(Path file) {
        return loadChain(new Link(PolicyFiles.read(file), null));
    }

    /** A file in an extends chain; {@code builtInName} is set when it was opened as a built-in pack. */
    private record Link(PolicyText text, String builtInName) {
    }

    private PolicyPack loadChain(Link top) {
        List<Link> links = new ArrayList<>();
        List<MapNode> docs = new ArrayList<>();
        Link current = top;
        while (current != null) {
            MapNode doc = PolicyYaml.read(current.text().source(), new StringReader(current.text().content()));
            links.add(current);
            docs.add(doc);
            current = parentOf(current.text(), doc, links);
        }
        Collections.reverse(links);
        Collections.reverse(docs);
        List<String> sources = links.stream().map(l -> l.text().source()).toList();
        Problems problems = new Problems(sources);
        for (int i = 0; i < docs.size(); i++) {
            PackHeader.check(docs.get(i), links.get(i).builtInName(), problems);
            KeyedLists.checkDuplicates(docs.get(i), problems);
        }
        problems.throwIfAny();
        MapNode merged = docs.get(0);
        for (int i = 1; i < docs.size(); i++) {
            merged = PolicyMerge.merge(merged, docs.get(i));
        }
        return PackBinder.bind(merged, sources, ContentHash.of(merged), problems);
    }

    /** The pack {@code doc} extends, or null; a missing target or a cycle is reported on the extends line. */
    private Link parentOf(PolicyText text, MapNode doc, List<Link> chain) {
        PolicyNode node = doc.entries().get("extends");
        if (Scalars.isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw located(node.origin(), "expected the id of a built-in pack or a relative file path, found " + node.shape());
        }
        String target = scalar.text();
        Link parent = resolve(target, text).orElseThrow(() -> located(node.origin(), missing(target, text)));
        List<String> seen = chain.stream().map(l -> identity(l.text())).toList();
        if (seen.contains(identity(parent.text()))) {
            List<String> cycle = new ArrayList<>(chain.stream().map(l -> l.text().source()).toList());
            cycle.add(parent.text().source());
            throw located(node.origin(), "\"" + target + "\" makes a cycle: " + String.join(" extends ", cycle));
        }
        if (chain.size() >= MAX_CHAIN) {
            throw located(node.origin(), "packs may extend each other at most " + MAX_CHAIN + " deep");
        }
        return parent;
    }

    private Optional<Link> resolve(String target, PolicyText from) {
        if (target.startsWith("classpath:")) {
            return classpathText(target).map(t -> new Link(t, null));
        }
        if (PolicyNames.KEBAB.matcher(target).matches()) {
            return builtIns.open(target).map(t -> new Link(t, target));
        }
        if (from.file() == null) {
            return Optional.empty(); // a classpath pack can only extend built-in packs
        }
        Path file = from.file().resolveSibling(target).normalize();
        return java.nio.file.Files.isRegularFile(file) ? Optional.of(new Link(PolicyFiles.read(file), null)) : Optional.empty();
    }

    private String knownPacks() {
        return builtIns.names().isEmpty() ? "no built-in packs were found in " + builtIns.describe()
                : "built-in packs are " + String.join(", ", builtIns.names());
    }

    private String missing(String target, PolicyText from) {
        if (PolicyNames.KEBAB.matcher(target).matches()) {
            String hint = Suggestions.closest(target, builtIns.names());
            return "\"" + target + "\" is not a built-in pack" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)")
                    + "; " + knownPacks();
        }
        if (target.startsWith("classpath:")) {
            return "there is no resource " + target + " on the classpath";
        }
        if (from.file() == null) {
            return "a built-in pack can only extend another built-in pack by its id";
        }
        return "the file " + from.file().resolveSibling(target).normalize() + " does not exist";
    }

    private static Optional<PolicyText> classpathText(String reference) {
        String resource = reference.substring("classpath:".length());
        try (java.io.InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new PolicyText(reference, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), null));
        } catch (java.io.IOException e) {
            throw new PolicyException(new PolicyProblem(reference, 0, null, "could not be read: " + e.getMessage()));
        }
    }

    private static String identity(PolicyText text) {
        return text.file() != null ? text.file().toAbsolutePath().normalize().toString() : text.source();
    }

    private static PolicyException located(Origin origin, String message) {
        return new PolicyException(PolicyProblem.at(origin, message));
    }
}
