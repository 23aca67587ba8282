package org.taskrouter.assignment.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.simulator.TaskRouterApi.ALICE;
import static org.taskrouter.assignment.simulator.TaskRouterApi.BOB;
import static org.taskrouter.assignment.simulator.TaskRouterApi.api;
import static org.taskrouter.assignment.simulator.TaskRouterApi.path;
import static org.taskrouter.assignment.simulator.TaskRouterApi.post;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A thousand Tasks created at once against two Workers: each is reserved and assigned exactly once, none is
 * lost, and no Worker ever holds two Reservations at a time.
 */
@QuarkusTest
@TestProfile(SimulatorTestProfile.class)
class ConcurrentTasksTest {

    private static final int TASKS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TaskRouterSimulator simulator;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void freshWorkspace() {
        simulator.reset();
        TestCallbacks.reset();
    }

    @Test
    void thousandConcurrentTasksAreEachReservedAndAssignedExactlyOnce() throws Exception {
        // A queue without reservation and assignment Activities, so only capacity decides who is free.
        String queue = post("TaskQueues", Map.of("FriendlyName", "Everyone", "TargetWorkers", "1==1"))
                .then().statusCode(201).extract().path("sid");
        String workflow = post("Workflows", Map.of("FriendlyName", "Load", "AssignmentCallbackUrl", SimulatorTestProfile.ASSIGNMENT_URL,
                "Configuration", "{\"task_routing\":{\"filters\":[],\"default_filter\":{\"queue\":\"" + queue + "\"}}}"))
                .then().statusCode(201).extract().path("sid");
        TestCallbacks.answerWith(200, "{\"instruction\":\"accept\"}");

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean creating = new AtomicBoolean(true);
        Set<String> completed = ConcurrentHashMap.newKeySet();
        Thread completer = new Thread(() -> completeAssignedTasks(http, completed, creating), "completer");
        completer.start();

        ExecutorService clients = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> creations = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String attributes = "{\"n\":" + i + "}";
            creations.add(clients.submit(() -> {
                start.await();
                HttpResponse<String> response = http.send(request("Tasks")
                        .POST(form(Map.of("Attributes", attributes, "WorkflowSid", workflow))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, response.statusCode(), response.body());
                return JSON.readTree(response.body()).get("sid").asText();
            }));
        }
        start.countDown();
        Set<String> created = new HashSet<>();
        for (Future<String> creation : creations) {
            created.add(creation.get());
        }
        clients.shutdown();
        assertEquals(TASKS, created.size());

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> completed.size() == TASKS);
        creating.set(false);
        completer.join();
        assertEquals(created, completed);

        // Exactly one assignment callback per Task, and exactly one Reservation, completed.
        Map<String, Integer> callbacks = new HashMap<>();
        TestCallbacks.received("assignment", c -> created.contains(c.get("TaskSid")))
                .forEach(c -> callbacks.merge(c.get("TaskSid"), 1, Integer::sum));
        assertEquals(TASKS, callbacks.size());
        assertTrue(callbacks.values().stream().allMatch(n -> n == 1), "no Task was offered twice");
        Set<String> reserved = new HashSet<>();
        for (String worker : List.of(ALICE, BOB)) {
            List<Map<String, String>> reservations = api().queryParam("PageSize", 1000)
                    .get(path("Workers/" + worker + "/Reservations")).then().statusCode(200)
                    .extract().path("reservations");
            for (Map<String, String> reservation : reservations) {
                assertEquals("completed", reservation.get("reservation_status"));
                assertTrue(reserved.add(reservation.get("task_sid")), "one Reservation per Task");
            }
        }
        assertEquals(created, reserved);

        // Events leave in the order things happened: per Worker, created and completed must alternate.
        await().atMost(Duration.ofSeconds(120)).until(() ->
                TestCallbacks.received("events", c -> "reservation.completed".equals(c.get("EventType"))).size() == TASKS);
        for (String worker : List.of(ALICE, BOB)) {
            String last = "reservation.completed";
            int reservations = 0;
            for (ReceivedCallback event : TestCallbacks.received("events", c -> worker.equals(c.get("WorkerSid"))
                    && c.get("EventType").startsWith("reservation."))) {
                String type = event.get("EventType");
                if (type.equals("reservation.created")) {
                    assertEquals("reservation.completed", last, "a second Reservation while one was open");
                    reservations++;
                } else if (type.equals("reservation.completed")) {
                    assertEquals("reservation.accepted", last);
                }
                last = type;
            }
            assertTrue(reservations > 0, "both Workers took a share");
        }
    }

    /** Completes every assigned Task it sees, as agents finishing calls would, until told to stop. */
    private void completeAssignedTasks(HttpClient http, Set<String> completed, AtomicBoolean running) {
        while (running.get()) {
            try {
                HttpResponse<String> page = http.send(request("Tasks?AssignmentStatus=assigned&PageSize=1000").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode tasks = JSON.readTree(page.body()).get("tasks");
                for (JsonNode task : tasks) {
                    String sid = task.get("sid").asText();
                    HttpResponse<String> done = http.send(request("Tasks/" + sid)
                            .POST(form(Map.of("AssignmentStatus", "completed"))).build(), HttpResponse.BodyHandlers.ofString());
                    if (done.statusCode() == 200) {
                        completed.add(sid);
                    }
                }
                if (tasks.isEmpty()) {
                    Thread.sleep(5); // polling pace, not an assertion
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // keep polling; the assertions tell whether everything was completed
            }
        }
    }

    private HttpRequest.Builder request(String relative) {
        String credentials = SimulatorTestProfile.ACCOUNT_SID + ":" + SimulatorTestProfile.AUTH_TOKEN;
        return HttpRequest.newBuilder(base.resolve(path(relative)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded");
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
