package org.ward.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image build fails, saying why, rather than ship an image without its class-data archive. A stand-in for the
 * runtime's java (a shell script) plays the JVM; ImageEntrypointTests covers the real training run's archive.
 */
class ClassDataTrainingTests {

    @TempDir
    Path work;

    @Test
    void failsTheImageBuildWhenTheTrainingRunWritesNoArchive() throws IOException {
        Path root = layOut("exit 0");

        assertThatThrownBy(() -> new ClassDataTraining(root, work.resolve("training")).train(archive(root)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The class-data training run of ward findings wrote no archive at")
                .hasMessageContaining("the image would start without class-data sharing");
    }

    @Test
    void failsTheImageBuildWhenACommandOfTheTrainingFails() throws IOException {
        Path root = layOut("echo 'Error: Unable to access jarfile'; exit 2");

        assertThatThrownBy(() -> new ClassDataTraining(root, work.resolve("training")).train(archive(root)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The image build cannot make its class-data archive: the demo scan failed (exit 2)")
                .hasMessageContaining("Unable to access jarfile");
    }

    @Test
    void runsFromTheImagesWorkingDirectoryWithTheJarsOfTheImagesTime() throws IOException, InterruptedException {
        // Writes where -XX:ArchiveClassesAtExit= says, as the JVM does, once the jar is found from where it runs.
        Path root = layOut("""
                test -f ../../../opt/ward/app/ward.jar || exit 3
                for arg; do case "$arg" in -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}";; esac; done""");
        Path archive = archive(root);

        new ClassDataTraining(root, work.resolve("training")).train(archive);

        assertThat(archive).hasContent("archive");
        assertThat(Files.getLastModifiedTime(ImageBuild.under(root, ImageBuild.APP).resolve("ward.jar")).toInstant())
                .isEqualTo(ImageBuild.EPOCH);
    }

    private Path layOut(String javaScript) throws IOException {
        Path root = work.resolve("root");
        Path java = ImageBuild.under(root, ImageBuild.RUNTIME).resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n" + javaScript + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path app = Files.createDirectories(ImageBuild.under(root, ImageBuild.APP));
        Files.writeString(app.resolve("ward.jar"), "not a jar");
        return root;
    }

    private static Path archive(Path root) {
        return ImageBuild.under(root, ImageBuild.ARCHIVE);
    }
}
