package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.evidence.SigningKeys;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.protect.LabelClinic;
import org.ward.connector.remediate.ClinicTenant;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.findings.Finding;
import org.ward.rules.sharing.SharingCatalogue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ward evidence --out writes a signed pack of the clinic's scan (one scan, one accepted risk, one pack shared by the
 * class); ward evidence --verify checks it and copies of it that were tampered with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceCommandTests {

    Path dir;

    ClinicTenant clinic;
    ConfigurableApplicationContext context;
    SigningKeys keys;
    CommandRun written;
    Path pack;
    List<Finding> register;

    @BeforeAll
    void scanAcceptARiskAndWriteAPack(@TempDir Path folder) throws IOException {
        dir = folder;
        Path data = dir.resolve("data");
        clinic = new ClinicTenant(data);
        Map<String, Object> settings = new LinkedHashMap<>(clinic.settings(ClinicTenant.READ_ONLY, false));
        keys = SigningKeys.create("Small Clinic evidence");
        settings.putAll(keys.pem(dir.resolve("keys")));
        clinic.scan(settings);
        // A remediation applied by the app that may change the tenant: its audit entry must reach the pack.
        Map<String, Object> fullControl = new LinkedHashMap<>(clinic.settings(ClinicTenant.FULL_CONTROL, true));
        try (ConfigurableApplicationContext remediation = ScanHarness.start(fullControl)) {
            String anyoneLink = ClinicTenant.only(remediation, SharingCatalogue.ANONYMOUS_LINK).id();
            CommandRun.of(remediation, new RemediateCommand(), anyoneLink, "--apply", "--actor", "dana");
        }
        clinic.scan(settings); // the link is gone: its finding resolves, so the pack has a time to resolve to chart
        context = ScanHarness.start(settings);
        String copyId = ClinicTenant.only(context, CopiesCatalogue.TEMPORARY_COPY_IN_ONEDRIVE).id();
        CommandRun.of(context, new AcceptRiskCommand(), copyId, "--reason", "Moving to the new system in March.", "--until",
                LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString(), "--by", "carol");
        register = context.getBean(FindingStore.class).all();
        written = CommandRun.of(context, new EvidenceCommand(), "--out", dir.resolve("packs").toString());
        try (Stream<Path> packs = Files.list(dir.resolve("packs"))) {
            pack = packs.findFirst().orElseThrow();
        }
    }

    @AfterAll
    void stop() {
        context.close();
        clinic.close();
    }

    private JsonNode manifest() throws IOException {
        return JsonMapper.builder().build().readTree(pack.resolve("manifest.json").toFile());
    }

    @Test
    void packIsADatedFolderWithEveryPart() {
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(pack.getFileName().toString()).matches("ward-evidence-\\d{8}-\\d{6}Z");
        assertThat(written.out()).contains("Evidence pack of scan #").contains("Signed by CN=Small Clinic evidence");
        assertThat(pack.resolve("manifest.json")).exists();
        for (String file : List.of("findings.csv", "findings.xlsx", "findings.json", "report.html", "scan.json",
                "audit-log.csv", "control-mappings.csv", "recording-checklist.csv", "summary.pdf", "SHA256SUMS",
                "SHA256SUMS.p7s")) {
            assertThat(pack.resolve(file)).as(file).isNotEmptyFile();
        }
    }

    @Test
    void manifestNamesVersionPolicyPermissionsTenantWindowCoverageAndCounts() throws IOException {
        JsonNode m = manifest();
        assertThat(m.path("wardVersion").asString()).isNotBlank();
        assertThat(m.path("policy").path("id").asString()).isEqualTo("small-clinic");
        assertThat(m.path("policy").path("version").asString()).isEqualTo("1");
        assertThat(m.path("policy").path("contentHash").asString()).startsWith("sha256:");
        assertThat(m.path("graphPermissions").path("applicationPermissionsHeld").toString()).contains("Sites.Read.All");
        assertThat(m.path("tenantId").asString()).isNotBlank();
        assertThat(m.path("scanWindow").path("scans").size()).isEqualTo(2);
        assertThat(m.path("coverage").path("recordings").asLong()).isPositive();
        assertThat(m.path("coverage").has("notCoveredOrNotEvaluated")).isTrue();
        assertThat(m.path("findings").path("total").asInt()).isEqualTo(register.size());
        assertThat(m.path("findings").path("accepted-risk").asInt()).isEqualTo(1);
    }

    @Test
    void registerIsTheSameInCsvAndWorkbook() throws IOException {
        List<String> csv = Files.readAllLines(pack.resolve("findings.csv"), StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(pack.resolve("findings.xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet findings = book.getSheet("Findings");
            assertThat(findings.getLastRowNum()).isEqualTo(register.size());
            assertThat(findings.getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
            List<String> ids = new ArrayList<>();
            for (int r = 1; r <= findings.getLastRowNum(); r++) {
                ids.add(findings.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(register.stream().map(Finding::id).toList());
            assertThat(csv).hasSize(register.size() + 1);
            assertThat(book.getSheet("Audit log")).isNotNull();
            assertThat(book.getSheet("Control mappings")).isNotNull();
            assertThat(book.getSheet("Recording checklist")).isNotNull();
        }
    }

    @Test
    void auditActionsComeWithTheChainsVerification() throws IOException {
        assertThat(Files.readString(pack.resolve("audit-log.csv"))).contains("accept-risk").contains("carol")
                .as("the remediation, with its Graph request").contains("remove-link").contains("dana")
                .containsPattern("DELETE /drives/\\S+/items/\\S+/permissions/");
        JsonNode audit = manifest().path("auditLog");
        assertThat(audit.path("entries").asInt()).isEqualTo(2);
        assertThat(audit.path("hashChainIntact").asBoolean()).isTrue();
        assertThat(audit.path("headHash").asString()).isNotBlank();
    }

    @Test
    void protectionActionsComeWithTheChainsVerification(@TempDir Path elsewhere) throws IOException {
        try (LabelClinic labels = new LabelClinic(elsewhere.resolve("data"))) {
            Map<String, Object> protect = labels.settings(LabelClinic.PROTECT, true);
            labels.scan(protect);
            CommandRun applied;
            CommandRun packed;
            try (ConfigurableApplicationContext ward = ScanHarness.start(protect)) {
                applied = CommandRun.of(ward, new ProtectCommand(), "--apply", "--actor", "erin");
                packed = CommandRun.of(ward, new EvidenceCommand(), "--out", elsewhere.resolve("packs").toString());
            }
            Path labelled;
            try (Stream<Path> packs = Files.list(elsewhere.resolve("packs"))) {
                labelled = packs.findFirst().orElseThrow();
            }

            assertThat(applied.exitCode()).as(applied.err()).isZero();
            assertThat(packed.exitCode()).as(packed.err()).isZero();
            assertThat(Files.readString(labelled.resolve("audit-log.csv"))).contains("apply-retention-label")
                    .contains("erin");
            JsonNode audit = JsonMapper.builder().build().readTree(labelled.resolve("manifest.json").toFile())
                    .path("auditLog");
            assertThat(audit.path("entries").asInt()).isPositive();
            assertThat(audit.path("hashChainIntact").asBoolean()).isTrue();
        }
    }

    @Test
    void controlMappingsComeFromThePack() throws IOException {
        String mappings = Files.readString(pack.resolve("control-mappings.csv"));
        assertThat(mappings).contains("dspt,").contains("cis-m365,").contains("anonymous-link");
        assertThat(mappings).as("the clinic's app lacks the role permissions: never a silent pass")
                .containsPattern("admin-without-mfa,[^\\n]*,critical,\"?not evaluated, because the app lacks");
    }

    @Test
    void checklistMarksEachItemCheckedByWardOrNeedingAPerson() throws IOException {
        try (InputStream in = Files.newInputStream(pack.resolve("findings.xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("Recording checklist");
            assertThat(sheet.getLastRowNum()).isEqualTo(15);
            Map<String, Row> byText = new LinkedHashMap<>();
            for (int r = 1; r <= 15; r++) {
                byText.put(sheet.getRow(r).getCell(1).getStringCellValue(), sheet.getRow(r));
            }
            Row consent = byText.entrySet().stream().filter(e -> e.getKey().startsWith("Where recordings are made"))
                    .findFirst().orElseThrow().getValue();
            assertThat(consent.getCell(2).getStringCellValue()).isEqualTo("Ward");
            assertThat(consent.getCell(4).getStringCellValue()).contains("recording-without-consent-evidence");
            Row hardware = byText.entrySet().stream().filter(e -> e.getKey().startsWith("We are not using old hardware"))
                    .findFirst().orElseThrow().getValue();
            assertThat(hardware.getCell(3).getStringCellValue()).isEqualTo("needs a person");
            assertThat(hardware.getCell(4).getStringCellValue()).isNotBlank();
        }
    }

    @Test
    void summaryPdfHasTheFactsAndThreeCharts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pack.resolve("summary.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Ward evidence pack").contains("small-clinic").contains("Compliant recording checklist")
                    .contains("hash chain verified intact");
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).as("severity over scans, by site, time to resolve (the remediated link's finding)")
                    .isEqualTo(3);
            assertThat(text).doesNotContain("no finding has been resolved yet");
        }
    }

    @Test
    void untouchedPackVerifies() {
        CommandRun run = verify(pack, "--certificate", certificate());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("files are as sealed").contains("CN=Small Clinic evidence");
    }

    @Test
    void tamperedPackNamesTheChangedFileAndExits1() throws IOException {
        Path copy = copyOfPack("tampered");
        Files.writeString(copy.resolve("findings.csv"), "id\r\n");
        Files.delete(copy.resolve("summary.pdf"));
        CommandRun run = verify(copy);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("findings.csv was changed after the pack was sealed").contains("summary.pdf is missing");
    }

    @Test
    void folderThatIsNotAPackIsAUsageError() {
        CommandRun run = verify(dir.resolve("keys"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("holds no SHA256SUMS");
    }

    private String certificate() {
        return dir.resolve("keys").resolve("certificate.pem").toString();
    }

    private CommandRun verify(Path folder, String... more) {
        List<String> args = new ArrayList<>(List.of("--verify", folder.toString()));
        args.addAll(List.of(more));
        EvidenceCommand command = new EvidenceCommand();
        new picocli.CommandLine(command).parseArgs(args.toArray(String[]::new));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Console console = new Console(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = command.runAlone(console);
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path copyOfPack(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(pack)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(pack.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}
