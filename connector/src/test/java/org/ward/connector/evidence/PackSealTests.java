package org.ward.connector.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal of a pack folder: every file's SHA-256, a detached signature, and what checking it names. */
class PackSealTests {

    static SigningKeys keys;
    static SigningKeys stranger;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        keys = SigningKeys.create("Ward evidence test");
        stranger = SigningKeys.create("Someone else");
    }

    private Path sealedPack(Optional<PackSigner> signer) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("manifest.json"), "{}\n");
        Files.writeString(pack.resolve("findings.csv"), "id\r\nF-1\r\n");
        Files.createDirectories(pack.resolve("audit-heads"));
        Files.writeString(pack.resolve("audit-heads/2026-12-07.head"), "head\n");
        PackSeal.seal(pack, signer);
        return pack;
    }

    private Optional<PackSigner> signer(SigningKeys k) {
        Map<String, Object> pem = k.pem(dir.resolve("keys-" + k.certificate().getSerialNumber()));
        return PackSigner.from(new EvidenceSettings.Signing(null, null, null,
                Path.of((String) pem.get("ward.evidence.signing.private-key")),
                Path.of((String) pem.get("ward.evidence.signing.certificate"))));
    }

    @Test
    void untouchedSignedPackVerifiesAndNamesItsSigner() throws IOException {
        PackCheck check = PackSeal.check(sealedPack(signer(keys)), Optional.empty());
        assertThat(check.problems()).isEmpty();
        assertThat(check.files()).isEqualTo(3);
        assertThat(check.signer()).contains("CN=Ward evidence test").contains("SHA-256");
    }

    @Test
    void sumsFileIsWhatSha256sumReads() throws IOException {
        Path pack = sealedPack(Optional.empty());
        assertThat(Files.readAllLines(pack.resolve(PackSeal.SUMS))).hasSize(3)
                .allMatch(line -> line.matches("[0-9a-f]{64}  [a-z0-9./-]+"))
                .anyMatch(line -> line.endsWith("  audit-heads/2026-12-07.head"));
    }

    @Test
    void changedFileIsNamed() throws IOException {
        Path pack = sealedPack(signer(keys));
        Files.writeString(pack.resolve("findings.csv"), "id\r\n");
        assertThat(PackSeal.check(pack, Optional.empty()).problems())
                .containsExactly("findings.csv was changed after the pack was sealed");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path pack = sealedPack(signer(keys));
        Files.delete(pack.resolve("audit-heads/2026-12-07.head"));
        assertThat(PackSeal.check(pack, Optional.empty()).problems()).containsExactly("audit-heads/2026-12-07.head is missing");
    }

    @Test
    void addedFileIsNamed() throws IOException {
        Path pack = sealedPack(signer(keys));
        Files.writeString(pack.resolve("extra.txt"), "x");
        assertThat(PackSeal.check(pack, Optional.empty()).problems())
                .containsExactly("extra.txt was added after the pack was sealed");
    }

    @Test
    void rewrittenListBreaksTheSignature() throws IOException {
        Path pack = sealedPack(signer(keys));
        Files.writeString(pack.resolve("findings.csv"), "id\r\n");
        String sums = Files.readString(pack.resolve(PackSeal.SUMS));
        Files.writeString(pack.resolve(PackSeal.SUMS), sums.replaceAll("[0-9a-f]{64}(  findings.csv)",
                PackSeal.sha256(pack.resolve("findings.csv")) + "$1"));
        assertThat(PackSeal.check(pack, Optional.empty()).problems()).singleElement().asString()
                .startsWith("the signature SHA256SUMS.p7s is bad");
    }

    @Test
    void packSignedByAnotherCertificateFailsWhenOneIsPinned() throws IOException {
        Path pack = sealedPack(signer(stranger));
        assertThat(PackSeal.check(pack, Optional.of(keys.certificate())).problems()).singleElement().asString()
                .contains("made with another certificate, CN=Someone else");
    }

    @Test
    void unsignedPackIsReportedAsSuch() throws IOException {
        assertThat(PackSeal.check(sealedPack(Optional.empty()), Optional.empty()).problems()).singleElement().asString()
                .startsWith("the pack is not signed");
    }

    @Test
    void folderWithoutAListIsNotAPack() {
        assertThatThrownBy(() -> PackSeal.check(dir, Optional.empty())).isInstanceOf(PackSeal.NotAPackException.class)
                .hasMessageContaining("holds no SHA256SUMS");
    }

    @Test
    void pkcs12StoreSignsLikePem() throws IOException {
        Path store = keys.pkcs12(dir.resolve("ward.p12"), "evidence", "s3cret");
        Optional<PackSigner> signer = PackSigner.from(new EvidenceSettings.Signing(store, "s3cret", null, null, null));
        assertThat(PackSeal.check(sealedPack(signer), Optional.of(keys.certificate())).problems()).isEmpty();
    }
}
