package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** ward serve's options become the service's settings; the service is a web application, the commands are not. */
class ServeCommandTests {

    private static ServeCommand parsed(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void jsonLogsAreSpringBootsStructuredLoggingOnTheConsole() {
        assertThat(parsed("--log-format", "json").properties())
                .containsEntry("logging.structured.format.console", "ecs")
                .containsEntry("logging.threshold.console", "INFO");
    }

    @Test
    void thePortIsTheWebServers() {
        assertThat(parsed("--port", "9090").properties()).containsEntry("server.port", "9090");
    }

    @Test
    void anUnknownLogFormatIsAUsageError() {
        assertThatThrownBy(() -> parsed("--log-format", "xml").properties())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("text or json");
    }

    @Test
    void onlyServeStartsAWebServer() {
        assertThat(parsed().web()).isTrue();
        assertThat(new ScanCommand().web()).isFalse();
        assertThat(parsed().defaults()).containsEntry("management.endpoint.health.probes.enabled", "true");
    }
}
