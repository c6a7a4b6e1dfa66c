package org.ward.rules.classify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ward.rules.classify.ItemTexts.Source;
import org.ward.rules.classify.Words.Keywords;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.policy.Glob;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.RecordingKind;
import org.ward.rules.policy.Signal;
import org.ward.rules.policy.SignalType;

/**
 * Decides whether one signal matches an item and says why, in words an auditor can check. Patterns and keywords
 * are prepared once per pack. Patient-identifier signals are weighed by the classifier, which knows the
 * identifiers found.
 */
final class SignalEvidence {

    private final IdentifierMasking masking;
    private final Map<String, Glob> globs = new HashMap<>();
    private final Map<Signal, Keywords> keywords = new HashMap<>();

    SignalEvidence(PolicyPack pack, IdentifierMasking masking) {
        this.masking = masking;
        for (RecordingKind kind : pack.recordings().kinds()) {
            for (Signal signal : kind.signals()) {
                if (signal.type() == SignalType.MIME_TYPE || signal.type() == SignalType.NAME_PATTERN) {
                    signal.values().forEach(v -> globs.computeIfAbsent(v, Glob::of));
                } else if (signal.type() == SignalType.CONTEXT_KEYWORD) {
                    keywords.put(signal, Keywords.of(signal.values()));
                }
            }
        }
    }

    /** How the signal matches, or empty when it does not. */
    Optional<SignalMatch> match(Signal signal, ItemFacts facts, String kindId) {
        ItemRecord item = facts.item();
        return switch (signal.type()) {
            case MIME_TYPE -> mimeType(signal, item);
            case EXTENSION -> signal.values().contains(item.extension())
                    ? Optional.of(new SignalMatch(item.extension(), null, "extension ." + item.extension())) : Optional.empty();
            case FACET -> signal.values().stream().filter(v -> hasFacet(item.media(), v)).findFirst()
                    .map(v -> new SignalMatch(v, null, "Graph " + v + " facet"));
            case NAME_PATTERN -> signal.values().stream().filter(v -> globs.get(v).matches(item.name())).findFirst()
                    .map(v -> new SignalMatch(v, "file name", "file name matches \"" + v + "\""));
            case TEAMS_RECORDINGS_FOLDER -> teamsFolder(signal, item, facts.location());
            case CONTEXT_KEYWORD -> keyword(keywords.get(signal), facts);
            case COLUMN -> signal.values().stream().map(v -> column(v, item)).flatMap(Optional::stream).findFirst();
            case APPROVED_LOCATION -> facts.location() != null && facts.location().approvedFor(kindId)
                    ? Optional.of(new SignalMatch(kindId, "location", "the location is approved for " + kindId))
                    : Optional.empty();
            case PATIENT_IDENTIFIER -> Optional.empty();
        };
    }

    /**
     * Graph's MIME type; when Graph gives none or a generic one, the type the extension stands for, said so.
     */
    private Optional<SignalMatch> mimeType(Signal signal, ItemRecord item) {
        Optional<String> direct = signal.values().stream().filter(v -> globs.get(v).matches(item.mimeType())).findFirst();
        if (direct.isPresent()) {
            return direct.map(v -> new SignalMatch(v, null, "MIME type " + item.mimeType() + " matches " + v));
        }
        String implied = MediaTypes.generic(item.mimeType()) ? MediaTypes.ofExtension(item.extension()) : null;
        if (implied == null) {
            return Optional.empty();
        }
        String given = item.mimeType() == null || item.mimeType().isBlank() ? "no MIME type" : item.mimeType();
        return signal.values().stream().filter(v -> globs.get(v).matches(implied)).findFirst()
                .map(v -> new SignalMatch(v, null, "MIME type " + implied + " from the extension ." + item.extension()
                        + " (Graph gave " + given + ") matches " + v));
    }

    /** How negative keywords match, if they do. */
    Optional<SignalMatch> negative(Keywords wanted, ItemFacts facts) {
        return keyword(wanted, facts);
    }

    private static boolean hasFacet(MediaFacets media, String facet) {
        return switch (facet) {
            case "audio" -> media.audio();
            case "video" -> media.video();
            case "photo" -> media.photo();
            case "image" -> media.image();
            default -> false;
        };
    }

    /** Teams saves recordings in a OneDrive's top-level Recordings folder, or a channel folder's Recordings subfolder. */
    private Optional<SignalMatch> teamsFolder(Signal signal, ItemRecord item, LocationContext location) {
        if (location == null) {
            return Optional.empty();
        }
        String[] segments = item.folderPath().split("/");
        for (String folder : signal.values()) {
            if (location.kind() == LocationKind.ONEDRIVE && segments.length == 2 && segments[1].equalsIgnoreCase(folder)) {
                return Optional.of(new SignalMatch(folder, "folder path", "in the OneDrive's top-level " + folder
                        + " folder, where Teams saves meeting recordings"));
            }
            boolean teamSite = location.kind() == LocationKind.GROUP_SITE || location.kind() == LocationKind.CHANNEL_SITE;
            if (teamSite && segments.length == 3 && segments[2].equalsIgnoreCase(folder)) {
                return Optional.of(new SignalMatch(folder, "folder path", "in " + masking.maskText(item.folderPath())
                        + ", a channel folder's " + folder + " subfolder, where Teams saves channel meeting recordings"));
            }
        }
        return Optional.empty();
    }

    private Optional<SignalMatch> keyword(Keywords wanted, ItemFacts facts) {
        for (Source source : facts.context()) {
            Optional<String> keyword = wanted.firstIn(source.words());
            if (keyword.isPresent()) {
                return Optional.of(new SignalMatch(keyword.get(), source.where(), "keyword \"" + keyword.get() + "\" in the "
                        + source.where() + " \"" + masking.maskText(source.text()) + "\""));
            }
        }
        return Optional.empty();
    }

    /** "Name" matches any non-blank value; "Name=value" matches that value; both ignore case. */
    private static Optional<SignalMatch> column(String spec, ItemRecord item) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String wanted = eq < 0 ? null : spec.substring(eq + 1);
        for (Map.Entry<String, String> column : item.columns().entrySet()) {
            String value = column.getValue();
            if (!column.getKey().equalsIgnoreCase(name) || value == null || value.isBlank()) {
                continue;
            }
            if (wanted == null) {
                return Optional.of(new SignalMatch(spec, "column " + column.getKey(), "column " + column.getKey() + " is set"));
            }
            if (value.strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return Optional.of(new SignalMatch(spec, "column " + column.getKey(), "column " + column.getKey() + " = "
                        + wanted));
            }
        }
        return Optional.empty();
    }
}
