package org.taskrouter.assignment.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.PackagedArtifact;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * SIGTERM to the packaged jar or native executable, as Kubernetes sends it: readiness goes DOWN first, open
 * event streams end with a retry hint, and a slow operator call already in flight still gets its answer.
 */
class GracefulShutdownIT {

    static final String TOKEN = "test-operator-token";
    static final String WORKSPACE = "WS00000000000000000000000000000000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private WireMockServer taskRouter;
    private Process service;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
            service.waitFor(10, TimeUnit.SECONDS);
        }
        if (taskRouter != null) {
            taskRouter.stop();
        }
    }

    @Test
    void aSlowCallInFlightGetsItsAnswerWhileReadinessGoesDownAndStreamsEnd() throws Exception {
        taskRouter = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        taskRouter.start();
        taskRouter.stubFor(get(urlPathEqualTo("/v1/Workspaces/" + WORKSPACE + "/Workers"))
                .willReturn(aResponse().withFixedDelay(2_500).withHeader("Content-Type", "application/json")
                        .withBody("{\"workers\":[],\"meta\":{\"page\":0,\"page_size\":50,\"key\":\"workers\","
                                + "\"next_page_url\":null}}")));
        String base = startService(taskRouter.baseUrl());

        HttpResponse<Stream<String>> stream = http.send(authorized(base + "/api/events/stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        CompletableFuture<HttpResponse<String>> slowCall = http.sendAsync(
                authorized(base + "/api/workers").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500); // the call is now waiting on TaskRouter

        service.toHandle().destroy(); // SIGTERM

        Instant signalled = Instant.now();
        assertEquals(503, readinessWithin(base, Duration.ofMillis(1_500)), "readiness goes DOWN during the delay");
        assertEquals(503, http.send(authorized(base + "/api/events/stream").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "no new stream on a stopping replica");
        List<String> lines = stream.body().toList(); // ends when the service ends the stream
        assertTrue(lines.contains("retry: 1000"), "a retry hint before the end: " + lines);
        assertTrue(Duration.between(signalled, Instant.now()).toMillis() < 3_000, "the stream ended at once");

        HttpResponse<String> answered = slowCall.get(20, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("[]", answered.body());
        assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service stopped within the grace period");
    }

    /** Readiness, asked until it is DOWN or {@code within} has passed: the signal takes a moment to arrive. */
    private int readinessWithin(String base, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        int status;
        do {
            status = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 503) {
                return status;
            }
            Thread.sleep(20);
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN);
    }

    private String startService(String taskRouterUrl) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(PackagedArtifact.command())
                .directory(Files.createTempDirectory("graceful-shutdown").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("QUARKUS_PROFILE", "test", "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_REST_CLIENT_TASKROUTER_URL", taskRouterUrl,
                "QUARKUS_REST_CLIENT_TASKROUTER_READ_TIMEOUT", "10000",
                "QUARKUS_SHUTDOWN_DELAY", "2s", "QUARKUS_SHUTDOWN_TIMEOUT", "15s",
                // its working directory is a temporary one; its log goes with the others, for LogsHoldNoSecretIT
                "QUARKUS_LOG_HANDLER_FILE_TESTRUN_PATH", Path.of("target", "test-logs", "graceful-shutdown.log").toAbsolutePath()
                        .toString()));
        service = builder.start();
        String base = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && service.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return base;
                }
            } catch (java.io.IOException notListeningYet) {
                // the port is not open yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not become ready");
    }
}
