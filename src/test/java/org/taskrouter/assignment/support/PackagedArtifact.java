package org.taskrouter.assignment.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** What this build packaged, for integration tests that start it themselves. */
public final class PackagedArtifact {

    private PackagedArtifact() {
    }

    /**
     * The command that starts it, as Quarkus records it for its own integration tests: after a JVM build and then
     * a native one in the same target/, both exist, and only this file says which is current.
     */
    public static List<String> command() throws IOException {
        Properties artifact = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Path path = Path.of("target").resolve(artifact.getProperty("path")).toAbsolutePath();
        if ("native".equals(artifact.getProperty("type"))) {
            return List.of(path.toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path.toString());
    }
}
