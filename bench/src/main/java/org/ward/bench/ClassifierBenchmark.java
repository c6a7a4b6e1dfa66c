package org.ward.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.classify.RecordingClassification;
import org.ward.rules.classify.RecordingClassifier;
import org.ward.rules.policy.PolicyLoader;

/**
 * {@code classifier [--per-pack N] [--seed S]}: scores the recording classifier on a generated, labelled corpus
 * ({@link ClassifierCorpus}) of N file paths per built-in pack (2,000 by default, 6,000 in all) and prints precision and
 * recall per kind and overall, and the shapes it got wrong ({@code --explain N}: the first N errors with their
 * evidence). A prediction is right when it names the labelled kind;
 * a recording given the wrong kind counts against both kinds. Target (issue 11): precision ≥ 0.98, recall ≥ 0.95.
 */
final class ClassifierBenchmark {

    private final int perPack;
    private final long seed;

    ClassifierBenchmark(BenchMain.Options options) {
        this.perPack = options.integer("per-pack", 2_000);
        this.seed = options.number("seed", 11L);
        this.explain = options.integer("explain", 0);
    }

    private final int explain;

    /** Counts for one kind: true positives, false positives, false negatives. */
    private static final class Tally {
        long tp;
        long fp;
        long fn;

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    void run() {
        List<ClassifierCorpus.Sample> corpus = new ClassifierCorpus(seed).generate(perPack);
        PolicyLoader loader = PolicyLoader.fromClasspath();
        Map<String, RecordingClassifier> classifiers = new LinkedHashMap<>();
        for (String pack : ClassifierCorpus.PACKS) {
            classifiers.put(pack, new RecordingClassifier(loader.loadBuiltIn(pack), new IdentifierFingerprint(new byte[32])));
        }
        Map<String, Tally> byKind = new TreeMap<>();
        Map<String, Tally> byPack = new LinkedHashMap<>();
        Tally overall = new Tally();
        Map<String, Integer> errors = new TreeMap<>();
        long recordings = 0;
        long started = System.nanoTime();
        for (ClassifierCorpus.Sample s : corpus) {
            RecordingClassification verdict = classifiers.get(s.pack()).classify(s.item(), s.location());
            String predicted = verdict.isRecording() ? verdict.kind() : null;
            String expected = s.expected();
            recordings += expected == null ? 0 : 1;
            Tally pack = byPack.computeIfAbsent(s.pack(), k -> new Tally());
            if (expected != null && expected.equals(predicted)) {
                byKind.computeIfAbsent(expected, k -> new Tally()).tp++;
                pack.tp++;
                overall.tp++;
                continue;
            }
            if (expected == null && predicted == null) {
                continue; // a decoy left alone
            }
            if (predicted != null) {
                byKind.computeIfAbsent(predicted, k -> new Tally()).fp++;
                pack.fp++;
                overall.fp++;
            }
            if (expected != null) {
                byKind.computeIfAbsent(expected, k -> new Tally()).fn++;
                pack.fn++;
                overall.fn++;
            }
            if (errors.values().stream().mapToInt(Integer::intValue).sum() < explain) {
                System.out.println(s.pack() + " " + s.item().path() + " [" + s.item().mimeType() + ", " + s.location().siteName()
                        + "] expected " + expected + ": " + verdict.evidence().verdict() + " " + verdict.evidence().summary());
            }
            errors.merge(s.pack() + ": " + s.shape() + " → " + (predicted == null ? "not a recording" : predicted)
                    + (expected == null ? " (a decoy)" : " (is " + expected + ")"), 1, Integer::sum);
        }
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf(Locale.ROOT, "Classifier on a labelled corpus: %,d files (%,d recordings, %,d decoys) across %d packs,"
                + " seed %d, %.0f ms%n", corpus.size(), recordings, corpus.size() - recordings, classifiers.size(), seed, millis);
        System.out.printf(Locale.ROOT, "%-26s %9s %9s %6s %6s %6s%n", "kind", "precision", "recall", "tp", "fp", "fn");
        byKind.forEach((kind, t) -> row(kind, t));
        byPack.forEach((pack, t) -> row("pack " + pack, t));
        row("overall", overall);
        System.out.printf(Locale.ROOT, "Target: precision >= 0.98 (%.3f, %.2f x), recall >= 0.95 (%.3f, %.2f x)%n",
                overall.precision(), overall.precision() / 0.98, overall.recall(), overall.recall() / 0.95);
        if (!errors.isEmpty()) {
            System.out.println("Wrong, by shape:");
            errors.forEach((shape, n) -> System.out.printf(Locale.ROOT, "  %5d  %s%n", n, shape));
        }
    }

    private static void row(String name, Tally t) {
        System.out.printf(Locale.ROOT, "%-26s %9.3f %9.3f %6d %6d %6d%n", name, t.precision(), t.recall(), t.tp, t.fp, t.fn);
    }
}
