package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.ward.simulator.throttle.Faults;

import tools.jackson.databind.JsonNode;

/**
 * The standalone simulator. {@code main} runs until the JVM stops, so beyond {@code --help} the pieces it is made
 * of are tested: the info file's JSON and the {@code --faults} parser.
 */
class SimulatorMainTests {

    @Test
    void printsItsUsageForHelp() throws Exception {
        String logback = System.getProperty("logback.configurationFile");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            SimulatorMain.main(new String[] {"--help"});
        } finally {
            System.setOut(out);
            if (logback == null) {
                System.clearProperty("logback.configurationFile");
            }
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar ward-simulator.jar [options]")
                .contains("--info-file FILE", "--tenant-file FILE", "--faults SPEC", "--budget UNITS");
    }

    @Test
    void writesTheConnectionDetailsAsJson() {
        SimulatorInfo info = new SimulatorInfo("https://localhost:9443/v1.0", "https://localhost:9443",
                "c0f93ef1-46f9-4e21-95e2-11355e71210c", "8a7d2c4e-0000-4000-8000-000000000001", "test-secret-value",
                Path.of("/tmp/ward/simulator-ca.pem"), Path.of("/tmp/ward/client-certificate.pem"));

        JsonNode json = Reply.parse(info.toJson());

        assertThat(new TreeSet<>(json.propertyNames())).containsExactly("authority", "caCertificate", "clientCertificate",
                "clientId", "clientSecret", "graphBaseUrl", "tenantId");
        assertThat(json.path("graphBaseUrl").asString()).isEqualTo("https://localhost:9443/v1.0");
        assertThat(json.path("authority").asString()).isEqualTo("https://localhost:9443");
        assertThat(json.path("tenantId").asString()).isEqualTo("c0f93ef1-46f9-4e21-95e2-11355e71210c");
        assertThat(json.path("clientId").asString()).isEqualTo("8a7d2c4e-0000-4000-8000-000000000001");
        assertThat(json.path("clientSecret").asString()).isEqualTo("test-secret-value");
        assertThat(json.path("caCertificate").asString()).isEqualTo("/tmp/ward/simulator-ca.pem");
    }

    @Test
    void writesNullForAMissingClientCertificate() {
        SimulatorInfo info = new SimulatorInfo("https://localhost:1/v1.0", "https://localhost:1", "t", "c", "s",
                Path.of("/ca.pem"), null);

        assertThat(Reply.parse(info.toJson()).path("clientCertificate").isNull()).isTrue();
    }

    @Test
    void parsesEveryFaultOfTheSpecification() {
        Faults faults = SimulatorMain.faults("503=0.02,504=0.01,reset=0.03,malformed=0.04,truncated=0.05,slow=0.06");

        assertThat(faults).isEqualTo(new Faults(0.02, 0.01, 0.03, 0.04, 0.05, 0.06, Duration.ofSeconds(5), 1));
    }

    @Test
    void leavesUnnamedFaultsOff() {
        assertThat(SimulatorMain.faults("reset=1")).isEqualTo(new Faults(0, 0, 1, 0, 0, 0, Duration.ofSeconds(5), 1));
    }

    @Test
    void refusesAnUnknownFault() {
        assertThatThrownBy(() -> SimulatorMain.faults("503=0.1,teapot=0.2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'teapot'");
    }

    @Test
    void refusesARateOutsideZeroToOne() {
        assertThatThrownBy(() -> SimulatorMain.faults("504=2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'504=2'");
    }

    @Test
    void refusesAFaultWithoutARate() {
        assertThatThrownBy(() -> SimulatorMain.faults("503")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name=rate");
    }
}
