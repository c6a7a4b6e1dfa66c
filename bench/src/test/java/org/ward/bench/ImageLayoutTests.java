package org.ward.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayoutTests {

    @TempDir
    Path work;

    @Test
    void startsTheImagesEntrypointFromTheFilesItsBuildLaidOut() throws IOException {
        Path root = work.resolve("root");
        for (String file : List.of("opt/ward/java/bin/java", "opt/ward/app/ward.jar", "opt/ward/app/ward.jsa",
                "opt/ward/applicationinsights/gate.jar", "opt/ward/applicationinsights/agent.jar")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.createFile(root.resolve(file));
        }
        Files.createDirectories(root.resolve("var/lib/ward"));
        Files.write(work.resolve("entrypoint"), List.of("/opt/ward/java/bin/java", "-Djava.io.tmpdir=/tmp",
                "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=/opt/ward/app/ward.jsa",
                "-javaagent:/opt/ward/applicationinsights/gate.jar=/opt/ward/applicationinsights/agent.jar", "-jar",
                "../../../opt/ward/app/ward.jar"));
        Files.writeString(work.resolve("working-directory"), "/var/lib/ward\n");

        StartupTimes.ImageLayout layout = StartupTimes.ImageLayout.find(work, true).orElseThrow();

        String opt = root.toAbsolutePath() + "/opt/ward";
        assertThat(layout.entrypoint()).containsExactly(opt + "/java/bin/java", "-Djava.io.tmpdir=/tmp",
                "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=" + opt + "/app/ward.jsa",
                "-javaagent:" + opt + "/applicationinsights/gate.jar=" + opt + "/applicationinsights/agent.jar",
                "-jar", "../../../opt/ward/app/ward.jar");
        assertThat(layout.workingDirectory()).isEqualTo(root.toAbsolutePath().resolve("var/lib/ward"));
        assertThat(layout.workingDirectory().resolve("../../../opt/ward/app/ward.jar").normalize()).isRegularFile();
    }

    @Test
    void saysHowToBuildTheImageWhenAskedForALayoutThatIsNotThere() {
        assertThatThrownBy(() -> StartupTimes.ImageLayout.find(work, true))
                .hasMessageContaining("has no image build").hasMessageContaining("-pl image -am -Pimage");
    }
}
