package org.taskrouter.assignment.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import org.taskrouter.assignment.support.EventStreamReader;
import org.taskrouter.assignment.support.PrometheusText;
import org.taskrouter.assignment.support.SignedForm;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;

/** {@code GET /api/events/stream}: what a console reading the live feed with fetch relies on. */
abstract class EventStreamBehaviour {

    static final String TOKEN = "test-operator-token";
    static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/api/events/stream")
    URL stream;

    private static void postEvent(String sid, String type, String description) {
        Map<String, String> params = SignedForm.eventParams(sid, type);
        params.put("EventDescription", description);
        SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", params).postTo("/events").statusCode(204);
    }

    private static String sid(int n) {
        return "EV%032d".formatted(n);
    }

    /** The id the feed gave the event with this Sid, read from GET /api/events. */
    private static String feedIdOf(String sid) {
        JsonPath events = given().header("Authorization", "Bearer " + TOKEN).when().get("/api/events?limit=500")
                .then().statusCode(200).extract().jsonPath();
        return events.getString("find { it.sid == '" + sid + "' }.id");
    }

    @Test
    void refusesAStreamWithoutTheTokenWithThe401JsonError() {
        given().when().get("/api/events/stream").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("error", equalTo("Missing bearer token: send Authorization: Bearer <OPERATOR_TOKEN>"));
        given().header("Authorization", "Bearer not-the-token").when().get("/api/events/stream").then()
                .statusCode(401).body("error", equalTo("Wrong bearer token"));
    }

    @Test
    void sendsEachSignedEventAsItArrivesWithTheFeedIdAndTheJsonOfApiEvents() throws Exception {
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            assertTrue(reader.response().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            postEvent(sid(101), "task.created", "Task created");

            EventStreamReader.Message message = reader.nextEvent(WAIT);
            assertNotNull(message, "no event within " + WAIT);
            JsonPath data = JsonPath.from(message.data());
            assertEquals(sid(101), data.getString("sid"));
            assertEquals("task.created", data.getString("eventType"));
            assertEquals(feedIdOf(sid(101)), message.id());
            assertEquals(message.id(), data.getString("id"));
        }
    }

    @Test
    void sendsAssignmentCallbacksWithTheAnswerTheyGot() throws Exception {
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            SignedForm form = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/assignment_callback",
                    SignedForm.assignmentParams("{\"selected_language\":\"es\"}"));
            form.postTo("/assignment_callback").statusCode(200);

            EventStreamReader.Message message = reader.nextEvent(WAIT);
            assertNotNull(message, "no event within " + WAIT);
            JsonPath data = JsonPath.from(message.data());
            assertEquals(TaskRouterEvent.ASSIGNMENT_CALLBACK, data.getString("eventType"));
            assertEquals("WT00000000000000000000000000000001", data.getString("taskSid"));
            assertEquals("WR00000000000000000000000000000001", data.getString("reservationSid"));
            assertTrue(data.getString("description").endsWith("answered {}"), data.getString("description"));
        }
    }

    @Test
    void replaysWhatAReconnectingClientMissedThenGoesOnLive() throws Exception {
        postEvent(sid(201), "reservation.created", "first");
        postEvent(sid(202), "reservation.accepted", "second");
        postEvent(sid(203), "task.updated", "third");

        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, feedIdOf(sid(201)))) {
            assertEquals(sid(202), JsonPath.from(reader.nextEvent(WAIT).data()).getString("sid"));
            assertEquals(sid(203), JsonPath.from(reader.nextEvent(WAIT).data()).getString("sid"));
            postEvent(sid(204), "task.completed", "fourth");
            EventStreamReader.Message live = reader.nextEvent(WAIT);
            assertNotNull(live, "no live event after the replay");
            assertEquals(sid(204), JsonPath.from(live.data()).getString("sid"));
        }
    }

    @Test
    void keepsARepeatedDeliveryOnceAndTellsTaskRouterItArrived() throws Exception {
        Map<String, String> params = SignedForm.eventParams(sid(251), "reservation.accepted");
        SignedForm delivery = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events", params);
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            delivery.postTo("/events").statusCode(204);
            delivery.postTo("/events").statusCode(204);
            postEvent(sid(252), "task.updated", "the next one");

            assertEquals(sid(251), JsonPath.from(reader.nextEvent(WAIT).data()).getString("sid"));
            assertEquals(sid(252), JsonPath.from(reader.nextEvent(WAIT).data()).getString("sid"));
        }
        JsonPath events = given().header("Authorization", "Bearer " + TOKEN).when().get("/api/events?limit=500")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, events.getList("findAll { it.sid == '" + sid(251) + "' }").size());
    }

    @Test
    void countsTheRepeatsItDropsAndTheStreamsOpenInMetrics() throws Exception {
        SignedForm delivery = SignedForm.of(SignedForm.TEST_PUBLIC_BASE + "/events",
                SignedForm.eventParams(sid(601), "task.created"));
        String before = PrometheusText.scrape();
        delivery.postTo("/events").statusCode(204);
        delivery.postTo("/events").statusCode(204);
        delivery.postTo("/events").statusCode(204);
        assertEquals(2, PrometheusText.sum(PrometheusText.scrape(), "events_duplicates_dropped_total")
                - PrometheusText.sum(before, "events_duplicates_dropped_total"));

        double open;
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            postEvent(sid(602), "task.updated", "seen, so the stream is surely registered");
            assertNotNull(reader.nextEvent(WAIT));
            open = PrometheusText.sum(PrometheusText.scrape(), "event_streams_open");
            assertTrue(open >= 1, "this stream is counted: " + open);
        }
        Awaitility.await().atMost(WAIT).until(
                () -> PrometheusText.sum(PrometheusText.scrape(), "event_streams_open") < open);
    }

    @Test
    void keepsAnIdleStreamAliveWithCommentLines() throws Exception {
        try (EventStreamReader reader = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            // the %test profile beats every 0.5 s (15 s otherwise)
            assertEquals("connected", reader.nextComment(WAIT));
            assertEquals("keep-alive", reader.nextComment(WAIT));
        }
    }

    @Test
    void dropsAClientThatStopsReadingWithoutHoldingUpTheOthers() throws Exception {
        String padding = "x".repeat(16_000);
        try (Socket stalled = new Socket();
                EventStreamReader healthy = EventStreamReader.open(stream.toString(), TOKEN, null)) {
            stalled.setReceiveBufferSize(4_096);
            stalled.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /api/events/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();

            // a 16-event buffer (the %test profile) and the kernel's socket buffers: 200 events of 16 KB overrun both
            int events = 200;
            for (int i = 0; i < events; i++) {
                postEvent(sid(10_000 + i), "task.updated", padding);
            }

            // the healthy client got every one of them, in order
            for (int i = 0; i < events; i++) {
                EventStreamReader.Message message = healthy.nextEvent(WAIT);
                assertNotNull(message, "the healthy client stopped after " + i + " events");
                assertEquals(sid(10_000 + i), JsonPath.from(message.data()).getString("sid"));
            }

            // the stalled one was cut off: what it has not read yet ends, instead of going on (heartbeats) without end
            stalled.setSoTimeout(2_000);
            InputStream in = stalled.getInputStream();
            byte[] chunk = new byte[65_536];
            long read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            boolean ended = false;
            try {
                for (int n = in.read(chunk); System.nanoTime() < deadline; n = in.read(chunk)) {
                    if (n < 0) {
                        ended = true;
                        break;
                    }
                    read += n;
                }
            } catch (SocketTimeoutException stillOpenAndIdle) {
                ended = false;
            } catch (IOException reset) {
                // a connection closed with data unread may end in a reset: dropped all the same
                ended = true;
            }
            assertTrue(ended, "the stalled client was not dropped; it could still read after " + read + " bytes");
            assertTrue(read < (long) events * padding.length(), "the stalled client was sent everything: " + read);
        }
    }
}
