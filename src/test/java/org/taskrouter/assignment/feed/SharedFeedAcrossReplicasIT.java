package org.taskrouter.assignment.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.support.EventStreamReader;
import org.taskrouter.assignment.support.PackagedArtifact;
import org.taskrouter.assignment.support.RedisServer;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * Two replicas of the packaged jar or native executable behind one Redis, as behind a load balancer: replica A is
 * the one Quarkus starts for this test, replica B a second process of the same artifact started here.
 */
@QuarkusIntegrationTest
@WithTestResource(RedisServer.class)
class SharedFeedAcrossReplicasIT {

    static final String TOKEN = "test-operator-token";
    static final Duration WAIT = Duration.ofSeconds(5);
    static Process replicaB;
    static String baseB;

    @TestHTTPResource("/api/events/stream")
    URL streamA;

    @BeforeAll
    static void startReplicaB() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(PackagedArtifact.command())
                .directory(Files.createTempDirectory("replica-b").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the same profile as replica A, so that tokens and the public URL agree
        builder.environment().putAll(Map.of("QUARKUS_PROFILE", "test", "QUARKUS_HTTP_PORT", Integer.toString(port),
                "REDIS_URL", RedisServer.url(),
                // its working directory is a temporary one; its log goes with the others, for LogsHoldNoSecretIT
                "QUARKUS_LOG_HANDLER_FILE_TESTRUN_PATH", Path.of("target", "test-logs", "replica-b.log").toAbsolutePath().toString()));
        replicaB = builder.start();
        baseB = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                if (given().when().get(baseB + "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // RestAssured throws the ConnectException without declaring it
            }
            if (Instant.now().isAfter(deadline) || !replicaB.isAlive()) {
                throw new IllegalStateException("replica B did not become ready");
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopReplicaB() throws InterruptedException {
        if (replicaB != null) {
            replicaB.destroy();
            replicaB.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static SignedForm event(String sid, String description) {
        Map<String, String> params = SignedForm.eventParams(sid, "task.created");
        params.put("EventDescription", description);
        return SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", params);
    }

    private static JsonPath eventsOfB() {
        return given().header("Authorization", "Bearer " + TOKEN).when().get(baseB + "/api/events?limit=500")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath eventsOfA() {
        return given().header("Authorization", "Bearer " + TOKEN).when().get("/api/events?limit=500")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEventPostedToOneReplicaReachesAStreamClientOfTheOther() throws Exception {
        try (EventStreamReader onB = EventStreamReader.open(baseB + "/api/events/stream", TOKEN, null)) {
            event("EV%032d".formatted(401), "posted to A").postTo("/events").statusCode(204);

            EventStreamReader.Message message = onB.nextEvent(WAIT);
            assertNotNull(message, "replica B's client got nothing within " + WAIT);
            assertEquals("posted to A", JsonPath.from(message.data()).getString("description"));
            assertEquals(eventsOfA().getString("find { it.sid == 'EV%032d' }.id".formatted(401)), message.id());
        }
    }

    @Test
    void aConsoleThatReconnectsToTheOtherReplicaGetsExactlyWhatItMissed() throws Exception {
        String seen;
        try (EventStreamReader onA = EventStreamReader.open(streamA.toString(), TOKEN, null)) {
            event("EV%032d".formatted(411), "seen on A").postTo("/events").statusCode(204);
            seen = onA.nextEvent(WAIT).id();
        }
        event("EV%032d".formatted(412), "missed one").postTo("/events").statusCode(204);
        event("EV%032d".formatted(413), "missed two").postTo("/events").statusCode(204);

        try (EventStreamReader onB = EventStreamReader.open(baseB + "/api/events/stream", TOKEN, seen)) {
            assertEquals("missed one", JsonPath.from(onB.nextEvent(WAIT).data()).getString("description"));
            assertEquals("missed two", JsonPath.from(onB.nextEvent(WAIT).data()).getString("description"));
            assertNull(onB.nextEvent(Duration.ofMillis(700)), "nothing more, nothing twice");
        }
    }

    @Test
    void oneDeliveryHandedToBothReplicasAppearsOnce() {
        SignedForm delivery = event("EV%032d".formatted(421), "delivered to both");
        delivery.postTo("/events").statusCode(204);
        delivery.postTo(baseB + "/events").statusCode(204);

        assertEquals(1, eventsOfA().getList("findAll { it.sid == 'EV%032d' }".formatted(421)).size());
        assertEquals(1, eventsOfB().getList("findAll { it.sid == 'EV%032d' }".formatted(421)).size());
    }
}
