package org.ward.connector.cli;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.evidence.EvidencePack;
import org.ward.connector.evidence.GrantedPermissions;
import org.ward.connector.evidence.PackCheck;
import org.ward.connector.evidence.PackSeal;
import org.ward.connector.graph.GraphConnectionCheck;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ward evidence}: writes a signed evidence pack for auditors, or checks one. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"--out DIR writes a dated evidence pack of the latest completed scan into DIR: manifest, findings"
                + " register (CSV, XLSX, JSON, HTML), audit log actions with the hash chain's verification, control"
                + " mappings, the compliant recording checklist and a PDF summary with charts, sealed with the SHA-256 of"
                + " every file and a detached signature (ward.evidence.signing.*). Patient identifiers are always masked.",
            "--verify DIR checks a pack: names every file changed, missing or added and a bad or missing signature.",
            "Exits 1 when no scan has completed (--out) or the pack fails verification (--verify); 2 when DIR is not a"
                + " pack."})
final class EvidenceCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--out", paramLabel = "DIR", description = "Write a new pack into a dated folder under DIR.")
        Path out;

        @Option(names = "--verify", paramLabel = "DIR", description = "Check the pack in DIR (the dated folder); needs no"
                + " settings, database or tenant, so an auditor can run it anywhere.")
        Path verify;
    }

    @Option(names = "--certificate", paramLabel = "PEM", description = "With --verify: the signer's certificate (PEM); the"
            + " pack must be signed with it. Without it the signer is named for you to compare.")
    Path certificate;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public boolean needsContext() {
        return action.verify == null;
    }

    @Override
    public int runAlone(Console console) {
        try {
            return verify(console);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the evidence pack in " + action.verify.toAbsolutePath() + ": "
                    + e.getMessage() + ".", e);
        }
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        if (action.verify != null) {
            return runAlone(console);
        }
        try {
            return write(context, context.getBean(EvidencePack.class), console);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the evidence pack in " + action.out.toAbsolutePath() + ": "
                    + e.getMessage() + ". Choose a folder Ward can write to.", e);
        }
    }

    private int write(ConfigurableApplicationContext context, EvidencePack packs, Console console) throws IOException {
        GrantedPermissions permissions = GrantedPermissions.readFrom(context.getBean(GraphConnectionCheck.class));
        Optional<EvidencePack.Written> written = packs.write(action.out, permissions, Instant.now());
        if (written.isEmpty()) {
            console.error("No scan has completed yet, so there is no evidence to pack: run ward scan first.");
            return ExitCodes.FAILED;
        }
        EvidencePack.Written pack = written.get();
        console.line("Evidence pack of scan #" + pack.scanId() + " written to " + pack.folder().toAbsolutePath() + ":");
        pack.files().forEach(file -> console.line("  " + file));
        if (permissions.notEvaluated() != null) {
            console.line("Graph permissions held: not evaluated, because " + permissions.notEvaluated());
        }
        if (!pack.auditIntact()) {
            console.line("The audit log fails verification; the pack records why (manifest.json, summary.pdf).");
        }
        console.line(pack.signer() == null
                ? "Unsigned: no signing key is configured (ward.evidence.signing.*); the SHA-256 list alone cannot show"
                        + " who wrote the pack."
                : "Signed by " + pack.signer() + ".");
        org.ward.connector.archive.BlobArchive archive = context.getBeanProvider(org.ward.connector.archive.BlobArchive.class)
                .getIfAvailable();
        if (archive != null) {
            archive.copyEvidencePack(pack.folder()).ifPresent(copy -> ReportFiles.say(console, copy));
        }
        return ExitCodes.OK;
    }

    private int verify(Console console) throws IOException {
        if (!Files.isDirectory(action.verify)) {
            console.error(action.verify.toAbsolutePath() + " is not a folder: give the dated pack folder ward evidence --out"
                    + " printed.");
            return ExitCodes.USAGE;
        }
        PackCheck check;
        try {
            check = PackSeal.check(action.verify, pinned());
        } catch (IllegalArgumentException e) { // not a pack, or an unreadable --certificate
            console.error(e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!check.intact()) {
            console.error("The evidence pack in " + action.verify.toAbsolutePath() + " fails verification:");
            check.problems().forEach(problem -> console.error("  " + problem + "."));
            return ExitCodes.FAILED;
        }
        console.line("The evidence pack's " + check.files() + " files are as sealed, and the signature by " + check.signer()
                + " holds.");
        return ExitCodes.OK;
    }

    private Optional<X509Certificate> pinned() {
        if (certificate == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(certificate)) {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("--certificate " + certificate + " cannot be read as a PEM certificate ("
                    + e.getMessage() + "): give the signer's certificate.", e);
        }
    }
}
