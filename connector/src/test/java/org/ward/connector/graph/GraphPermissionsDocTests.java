package org.ward.connector.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/graph-permissions.md lists exactly the permissions check-connection checks, with the same purposes. */
class GraphPermissionsDocTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z.]+)` \\| (\\w+) \\| (yes|no) \\|.*\\| (.*) \\|$");

    @Test
    void theDocumentListsEveryPermissionWardChecks() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("../docs/graph-permissions.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4).replace("`", ""));
            }
        }
        Set<String> checked = new LinkedHashSet<>();
        for (RequiredPermission p : PermissionCatalogue.all()) {
            checked.add(p.permission() + " " + p.capability() + " " + (p.required() ? "yes" : "no") + " " + p.purpose());
        }
        assertThat(documented).containsExactlyElementsOf(checked);
    }
}
