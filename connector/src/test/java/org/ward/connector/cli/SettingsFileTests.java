package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The settings file is read before Ward starts: what Spring would pass over in silence is named with its line. */
class SettingsFileTests {

    @TempDir
    Path dir;

    @Test
    void knowsEverySettingsRecordWardHas() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Class<?>> records = new HashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.ward.connector")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties settings = type.getAnnotation(ConfigurationProperties.class);
            records.put(settings.prefix().isEmpty() ? settings.value() : settings.prefix(), type);
        }
        assertThat(SettingsFile.RECORDS).isEqualTo(records);
    }

    @Test
    void aSettingInsideAMapOfChannelsIsKnown() throws IOException {
        SettingsFile.check(yaml("ward:", "  alerts:", "    channels:", "      ops-mail:", "        type: email",
                "        quiet-hours-spare-critical: false"));
    }

    @Test
    void aMistypedSettingInsideAMapOfChannelsIsNamed() throws IOException {
        Path file = yaml("ward:", "  alerts:", "    channels:", "      ops-mail:", "        mailbx: ward-alerts");
        assertThatThrownBy(() -> SettingsFile.check(file)).hasMessageContaining(" line 5: ward.alerts.channels.ops-mail"
                + ".mailbx is not one of Ward's settings").hasMessageContaining("did you mean ward.alerts.channels.ops-mail"
                + ".mailbox (");
    }

    @Test
    void settingsWrittenInCamelCaseAreKnown() throws IOException {
        SettingsFile.check(yaml("ward:", "  graph:", "    tenantId: contoso.onmicrosoft.com", "    clientSecret: s"));
    }

    @Test
    void aSettingBelowASingleValueIsNamed() throws IOException {
        Path file = yaml("ward:", "  remediation:", "    enabled:", "      now: true");
        assertThatThrownBy(() -> SettingsFile.check(file))
                .hasMessageContaining("ward.remediation.enabled is a single value and has no setting now under it");
    }

    @Test
    void settingsOutsideWardAreLeftToSpring() throws IOException {
        SettingsFile.check(yaml("spring:", "  datasource:", "    url: jdbc:postgresql://db:5432/ward", "logging:",
                "  level:", "    root: INFO"));
    }

    @Test
    void aPropertiesFileIsCheckedToo() throws IOException {
        Path file = Files.write(dir.resolve("ward.properties"), List.of("ward.graph.tenant-id=contoso.onmicrosoft.com",
                "ward.grpah.client-id=x"));
        assertThatThrownBy(() -> SettingsFile.check(file)).hasMessageStartingWith(file + " line 2: ward.grpah.client-id"
                + " is not one of Ward's settings").hasMessageContaining("did you mean ward.graph (");
    }

    @Test
    void aNameGivenTwiceIsNamedWithItsLine() throws IOException {
        Path file = yaml("ward:", "  policy:", "    pack: nhs-england", "  policy:", "    pack: hipaa");
        assertThatThrownBy(() -> SettingsFile.check(file)).hasMessageStartingWith(file + " is not valid YAML at line 4");
    }

    private Path yaml(String... lines) throws IOException {
        return Files.write(dir.resolve("ward.yml"), List.of(lines));
    }
}
