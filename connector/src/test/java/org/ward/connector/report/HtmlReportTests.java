package org.ward.connector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.rules.findings.Finding;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

class HtmlReportTests {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?i)\\s(?:src|href|action|data|poster|xlink:href)\\s*=\\s*[\"']?([^\"'\\s>]*)");

    @TempDir
    Path dir;

    @Test
    void isSelfContainedLinkingOutOnlyToTheFindingsOwnPlaces() throws Exception {
        String page = html(ReportFixtures.sample());
        List<String> urls = new ArrayList<>();
        Matcher tags = TAG.matcher(page);
        while (tags.find()) {
            Matcher m = URL_ATTRIBUTE.matcher(tags.group());
            while (m.find()) {
                urls.add(m.group(1));
            }
        }
        List<String> ownPlaces = ReportFixtures.sample().stream().map(f -> f.resource().webUrl()).toList();

        assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(ownPlaces).contains(url));
        assertThat(page).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@font-face");
        assertThat(page.split("<script", -1)).hasSize(2);
    }

    @Test
    void allowsOnlyItsOwnScriptThroughTheContentSecurityPolicy() throws Exception {
        String page = html(ReportFixtures.sample());
        String script = page.substring(page.indexOf("<script>") + "<script>".length(), page.indexOf("</script>"));
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));

        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .contains("script-src 'sha256-" + hash + "';");
    }

    @Test
    void escapesAHostileFileNameAndOwner() throws Exception {
        String page = html(ReportFixtures.sample());

        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
                .contains("Anyone link on &lt;script&gt;alert(1)&lt;/script&gt;.mp4")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void linksOnlyHttpPlacesNeverScriptUrls() throws Exception {
        ReportFixtures.FindingBuilder sneaky = ReportFixtures.finding("f6", SharingCatalogue.ANONYMOUS_LINK);
        sneaky.webUrl = "javascript:alert(document.cookie)";
        String page = html(List.of(sneaky.build()));

        assertThat(page).doesNotContain("href=\"javascript:").contains(sneaky.path);
    }

    @Test
    void twoFilesWhoseNamesMaskToTheSameTextStayApartByTheirItemReference() throws Exception {
        // 999 000 0018 and 999 000 1618 both mask to "999 *** **18".
        ReportFixtures.FindingBuilder first = ReportFixtures.finding("a7", RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL);
        first.path = "/Consultations/Video 999 000 0018.mp4";
        ReportFixtures.FindingBuilder second = ReportFixtures.finding("a8", RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL);
        second.path = "/Consultations/Video 999 000 1618.mp4";
        List<org.ward.rules.findings.Finding> twins = List.of(first.build(), second.build());
        String page = html(twins);

        String refA = twins.get(0).resource().itemRef();
        String refB = twins.get(1).resource().itemRef();
        assertThat(refA).isNotEqualTo(refB).matches("i-[0-9a-f]{8}");
        assertThat(page).contains("Video 999 *** **18.mp4</a> <span class=\"ref\">" + refA + "</span>")
                .contains("Video 999 *** **18.mp4</a> <span class=\"ref\">" + refB + "</span>");
    }

    @Test
    void showsTheSiteUrlWhereASiteFindingHasNoPath() throws Exception {
        ReportFixtures.FindingBuilder site = ReportFixtures.finding("f6", RecordingsCatalogue.LOCATION_WITHOUT_SENSITIVITY_LABEL);
        site.path = null;
        site.webUrl = ReportFixtures.CLINIC_URL;
        String page = html(List.of(site.build()));

        assertThat(page).contains("<td class=\"path\"><a href=\"" + ReportFixtures.CLINIC_URL
                + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + ReportFixtures.CLINIC_URL + "</a></td>");
    }

    @Test
    void chartsOpenFindingsByTypeSeverityAndSite() throws Exception {
        String page = html(ReportFixtures.sample());

        assertThat(page).contains("id=\"chart-by-type\"", "id=\"chart-by-severity\"", "id=\"chart-by-site\"");
        assertThat(page.split("<svg", -1)).hasSize(4);
        String byType = section(page, "chart-by-type");
        assertThat(byType).contains("ANONYMOUS_LINK", "RECORDING_OUTSIDE_APPROVED_LOCATION", "EDIT_LINK_ON_RECORDING")
                .doesNotContain("RECORDING_WITHOUT_RETENTION_LABEL").doesNotContain("LINK_WITHOUT_EXPIRY");
        assertThat(section(page, "chart-by-site")).contains("Clinic recordings").contains(">3</text>");
    }

    @Test
    void chartsAtMostTenSites() throws Exception {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            ReportFixtures.FindingBuilder f = ReportFixtures.finding(Integer.toHexString(i), SharingCatalogue.ANONYMOUS_LINK);
            f.siteId = "site-" + i;
            names.put(f.siteId, "Ward site " + (char) ('A' + i - 1));
            findings.add(f.build());
        }
        String page = html(ReportFixtures.data(findings, ReportFixtures.run(), names));

        assertThat(section(page, "chart-by-site").split("<g>", -1)).hasSize(11);
    }

    @Test
    void listsEveryFindingAsARowAWholeTableWithoutJavaScript() throws Exception {
        String page = html(ReportFixtures.sample());

        assertThat(page.split("<tr id=\"F-", -1)).hasSize(1 + ReportFixtures.sample().size());
        assertThat(page).contains("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>")
                .contains("<select data-filter=\"type\">", "<select data-filter=\"severity\">",
                        "<select data-filter=\"status\">", "<select data-filter=\"site\">", "data-filter=\"text\"")
                .contains("data-status=\"accepted-risk\"");
    }

    @Test
    void expandsAFindingToItsReasonsRemediationAndReferences() throws Exception {
        String page = html(ReportFixtures.sample());
        var rule = ReportFixtures.POLICY.rule(SharingCatalogue.ANONYMOUS_LINK).orElseThrow();
        String row = page.substring(page.indexOf("<tr id=\"F-00000000000000a1\""));
        row = row.substring(0, row.indexOf("</tr>"));

        assertThat(row).contains("<details><summary>", "What to do", "Why it matters", "First seen", "Last seen",
                "anonymous, view");
        assertThat(row).contains(Html.escape(rule.remediation().strip().lines().findFirst().orElseThrow()));
        if (!rule.references().isEmpty()) {
            assertThat(row).contains(Html.escape(rule.references().get(0)));
        }
    }

    @Test
    void showsTheHeaderCardsAndWhatWasNotCovered() throws Exception {
        String page = html(ReportFixtures.sample());

        assertThat(page).contains("7f1c2d3e-upwell", "nhs-england", ReportFixtures.POLICY.contentHash(),
                "2026-03-02 09:00 UTC", "new since scan #1", "accepted risks", "resolved by this scan")
                .contains("Not covered / not evaluated").contains(Html.escape(ReportFixtures.GAPS.get(0)))
                .contains("<span class=\"new\">new</span>");
    }

    @Test
    void saysWhenRuleTextsComeFromAnotherPolicyThanTheScans() throws Exception {
        ReportData data = ReportFixtures.data(ReportFixtures.sample(), ReportFixtures.run(2, "sha256:older", List.of()),
                Map.of());

        assertThat(html(data)).contains("which is not the policy this scan ran under");
    }

    private String html(List<Finding> findings) throws Exception {
        return html(ReportFixtures.data(findings));
    }

    private String html(ReportData data) throws Exception {
        ReportFixtures.writer().write(data, dir, Set.of(ReportFormat.HTML));
        return Files.readString(dir.resolve("report.html"));
    }

    private static String section(String page, String chartId) {
        String rest = page.substring(page.indexOf("id=\"" + chartId + "\""));
        return rest.substring(0, rest.indexOf("</figure>"));
    }
}
