package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What Ward prints is shown, never obeyed, by the terminal. */
class ConsoleTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);

    @Test
    void anEscapeSequenceInALineIsShownAsItsCode() {
        console.line("Reason: ok\u001b[2J\u001b[31mRED");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Reason: ok\\u001b[2J\\u001b[31mRED" + System.lineSeparator());
    }

    @Test
    void aBidirectionalOverrideInAnErrorIsShownAsItsCode() {
        console.error("No finding has the id 'F-1\u202egpj.exe'");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'F-1\\u202egpj.exe'").doesNotContain("\u202e");
    }

    @Test
    void lineBreaksTabsAndOtherScriptsStayAsTheyAre() {
        console.line("Zoë Ødegård\tÉquipe 日本\nsecond line");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Zoë Ødegård\tÉquipe 日本\nsecond line"
                + System.lineSeparator());
    }
}
