package org.taskrouter.assignment.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.PackagedArtifact;

/** Starts the packaged application (the jar, or the native executable with -Dnative) with broken configuration. */
class StartupConfigurationIT {

    private static Result start(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PackagedArtifact.command()).redirectErrorStream(true);
        // a directory of its own: no .env from the developer's tree
        builder.directory(Files.createTempDirectory("startup-it").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(ended, ended ? process.exitValue() : -1, output);
    }

    record Result(boolean ended, int exitCode, String output) {
    }

    @Test
    void stopsWithOneLineNamingAMalformedSid() throws Exception {
        Result result = start(Map.of("TWILIO_WORKSPACE_SID", "WK0123456789abcdef0123456789abcdef",
                "TWILIO_AUTH_TOKEN", "a-secret-token-value"));
        assertTrue(result.ended(), "the service kept running:\n" + result.output());
        assertEquals(1, result.exitCode(), result.output());
        List<String> naming = result.output().lines().filter(l -> l.contains("TWILIO_WORKSPACE_SID")).toList();
        assertEquals(1, naming.size(), result.output());
        assertTrue(naming.get(0).contains("WS followed by 32 hexadecimal digits"), naming.get(0));
        assertFalse(result.output().contains("\tat "), "a stack trace was printed:\n" + result.output());
        assertFalse(result.output().contains("a-secret-token-value"), "the auth token was printed");
    }

    @Test
    void stopsWithOneLineNamingABadPublicUrl() throws Exception {
        Result result = start(Map.of("PUBLIC_BASE_URL", "abc123.ngrok.app"));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().lines().anyMatch(l -> l.contains("PUBLIC_BASE_URL must be an http(s) URL")),
                result.output());
    }

    @Test
    void stopsWithOneLineNamingAnUnknownDefaultInstruction() throws Exception {
        Result result = start(Map.of("ASSIGNMENT_INSTRUCTION", "maybe"));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().lines().anyMatch(
                l -> l.contains("ASSIGNMENT_INSTRUCTION must be defer, accept, reject or dequeue")), result.output());
    }
}
