package org.ward.connector.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two demo commands at once on one data folder each trust their own simulator, and leave no trust files behind. */
class DemoTenantTrustTests {

    @TempDir
    Path dataDir;

    @Test
    void aSecondDemoOnTheSameDataFolderLeavesTheFirstsCertificateAuthorityAsItWas() throws IOException {
        try (DemoTenant first = DemoTenant.start(dataDir)) {
            Path firstCa = caOf(first);
            String firstPem = Files.readString(firstCa);
            try (DemoTenant second = DemoTenant.start(dataDir)) {
                assertThat(caOf(second)).isNotEqualTo(firstCa);
                assertThat(Files.readString(firstCa)).isEqualTo(firstPem);
                assertThat(Files.readString(caOf(second))).isNotEqualTo(firstPem);
            }
        }
    }

    @Test
    void aClosedDemoLeavesNoTrustFilesBehind() {
        Path ca;
        try (DemoTenant demo = DemoTenant.start(dataDir)) {
            ca = caOf(demo);
            assertThat(ca).exists();
        }
        assertThat(ca).doesNotExist();
        assertThat(ca.getParent()).doesNotExist();
    }

    @Test
    void aDataFolderTheDemoCannotWriteIsNamedInOneSentence() throws IOException {
        Path file = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> DemoTenant.start(file)).isInstanceOf(org.ward.connector.ConfigurationProblem.class)
                .hasMessageStartingWith("The demo cannot write to " + file.resolve("simulator") + " (")
                .hasMessageEndingWith("): point --data-dir at a folder the user Ward runs as can write to.");
    }

    private Path caOf(DemoTenant demo) {
        return Path.of(demo.properties(dataDir).get("ward.graph.trust.ca-certificate").toString());
    }
}
