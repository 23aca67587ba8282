package org.taskrouter.assignment.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No secret, token or signature in any log line at any level. Runs last, in an execution of its own after every
 * other integration test (see the failsafe plugin in pom.xml), over every log the test run wrote: the test
 * profile logs to {@code target/test-logs/} too, and so do the replicas the integration tests start themselves.
 */
class LogsHoldNoSecretIT {

    static final Path LOGS = Path.of("target", "test-logs");
    /** The secrets the test profile configures (application.yaml, %test). */
    static final List<String> SECRETS = List.of("test-auth-token", "test-operator-token");
    /** An X-Twilio-Signature: HMAC-SHA1 in Base64, 27 characters and one '='. */
    static final Pattern SIGNATURE = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{27}=(?![A-Za-z0-9+/=])");

    @Test
    void noLogLineOfTheWholeTestRunHoldsASecretATokenOrASignature() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.walk(LOGS)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().startsWith("quarkus")),
                "the test profile's log is there: " + files);
        List<String> forbidden = new ArrayList<>(SECRETS);
        // the REST client's Basic credentials, as a header dump would show them
        forbidden.add(Base64.getEncoder().encodeToString(
                "AC00000000000000000000000000000000:test-auth-token".getBytes(StandardCharsets.UTF_8)));

        long lines = 0;
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lines++;
                for (String secret : forbidden) {
                    if (line.contains(secret)) {
                        found.add(file.getFileName() + ": " + line);
                    }
                }
                if (SIGNATURE.matcher(line).find()) {
                    found.add(file.getFileName() + ": " + line);
                }
            }
        }
        // every start of the application logs one "started in" line: the tests start it dozens of times
        long starts;
        try (Stream<String> log = Files.lines(LOGS.resolve("quarkus.log"), StandardCharsets.UTF_8)) {
            starts = log.filter(line -> line.contains(" started in ")).count();
        }
        assertTrue(lines > 200 && starts >= 10, "a whole run's logs, not a few: " + lines + " lines, " + starts
                + " starts");
        assertEquals(List.of(), found.stream().limit(20).toList());
    }
}
