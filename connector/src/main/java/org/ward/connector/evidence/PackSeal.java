package org.ward.connector.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Seals a pack folder: {@code SHA256SUMS} lists the SHA-256 of every other file in the format {@code sha256sum -c}
 * reads, and {@code SHA256SUMS.p7s} is a detached CMS signature over that list. Checking a folder names every file
 * changed, missing or added since, and whether the signature holds.
 */
public final class PackSeal {

    public static final String SUMS = "SHA256SUMS";
    public static final String SIGNATURE = "SHA256SUMS.p7s";

    private PackSeal() {
    }

    /** Writes the file list and, with a signer, its signature; returns the files written. */
    static List<Path> seal(Path pack, Optional<PackSigner> signer) throws IOException {
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, String> e : hashes(pack).entrySet()) {
            sums.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        byte[] list = sums.toString().getBytes(StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>();
        written.add(Files.write(pack.resolve(SUMS), list));
        if (signer.isPresent()) {
            written.add(Files.write(pack.resolve(SIGNATURE), signer.get().sign(list)));
        }
        return written;
    }

    /**
     * Checks a sealed folder.
     *
     * @param pack the pack folder
     * @param expected the certificate packs must be signed with (the configured one), or empty to accept the certificate
     *     the signature carries and name it
     */
    public static PackCheck check(Path pack, Optional<java.security.cert.X509Certificate> expected) throws IOException {
        Path sumsFile = pack.resolve(SUMS);
        if (!Files.isRegularFile(sumsFile)) {
            throw new NotAPackException(pack.toAbsolutePath() + " holds no " + SUMS + ", so it is not an evidence pack"
                    + " Ward wrote: give the dated folder ward evidence --out printed.");
        }
        byte[] list = Files.readAllBytes(sumsFile);
        Map<String, String> listed = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        int line = 0;
        for (String row : new String(list, StandardCharsets.UTF_8).split("\n")) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            int gap = row.indexOf("  ");
            if (gap != 64 || !row.substring(0, 64).matches("[0-9a-f]{64}")) {
                unreadable.add(SUMS + " line " + line);
                continue;
            }
            listed.put(row.substring(66), row.substring(0, 64));
        }
        Map<String, String> actual = hashes(pack);
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        listed.forEach((name, hash) -> {
            String now = actual.get(name);
            if (now == null) {
                missing.add(name);
            } else if (!now.equals(hash)) {
                changed.add(name);
            }
        });
        List<String> added = actual.keySet().stream().filter(name -> !listed.containsKey(name)).toList();
        PackSignature signature = null;
        String signatureProblem = null;
        Path signatureFile = pack.resolve(SIGNATURE);
        if (Files.isRegularFile(signatureFile)) {
            signature = PackSignature.verify(list, Files.readAllBytes(signatureFile));
            if (!signature.valid()) {
                signatureProblem = "the signature " + SIGNATURE + " is bad: " + signature.problem();
            } else if (expected.isPresent() && !PackSigner.same(expected.get(), signature.signer())) {
                signatureProblem = "the signature " + SIGNATURE + " is sound but made with another certificate, "
                        + PackSignature.describe(signature.signer()) + ", not the configured "
                        + PackSignature.describe(expected.get());
            }
        } else {
            signatureProblem = "the pack is not signed (no " + SIGNATURE + "), so its file list proves nothing by itself";
        }
        return new PackCheck(listed.size(), changed, missing, added, unreadable,
                signature != null && signature.signer() != null ? PackSignature.describe(signature.signer()) : null,
                signatureProblem);
    }

    /** SHA-256 of every file under the pack but the seal itself, by path relative to the pack ('/' separated). */
    private static Map<String, String> hashes(Path pack) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(pack)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = pack.relativize(file).toString().replace('\\', '/');
                if (name.equals(SUMS) || name.equals(SIGNATURE)) {
                    continue;
                }
                out.put(name, sha256(file));
            }
        }
        return out;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The folder given to {@code --verify} is not a pack. */
    public static final class NotAPackException extends IllegalArgumentException
            implements org.ward.connector.ConfigurationProblem {

        NotAPackException(String sentence) {
            super(sentence);
        }
    }
}
