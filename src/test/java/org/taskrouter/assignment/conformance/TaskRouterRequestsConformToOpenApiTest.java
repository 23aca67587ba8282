package org.taskrouter.assignment.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.taskrouter.assignment.lifecycle.QuickstartLifecycleTest.operator;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.taskrouter.assignment.lifecycle.EmbeddedTaskRouterProfile;
import org.taskrouter.assignment.setup.WorkspaceProvisioner;
import org.taskrouter.assignment.support.InjectWireMock;
import org.taskrouter.assignment.support.TaskRouterWireMock;
import org.taskrouter.assignment.workspace.WorkspaceDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every request the service's TaskRouter client sends, in a whole lifecycle and a provisioning run, checked
 * against the official OpenAPI file: the operation exists, and every form field, query parameter and header is
 * one it declares. WireMock sits between the client and the embedded TaskRouter, recording and passing
 * everything on; the embedded TaskRouter's answers are checked against the same file on the way back.
 */
@QuarkusTest
@TestProfile(EmbeddedTaskRouterProfile.class)
@WithTestResource(TaskRouterWireMock.class)
class TaskRouterRequestsConformToOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer recorder;

    @TestHTTPResource("/")
    URL service;

    @Inject
    WorkspaceProvisioner provisioner;

    @Test
    void sendsOnlyRequestsTheOfficialOpenApiFileDescribes() throws Exception {
        recorder.resetAll();
        recorder.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom("http://localhost:" + service.getPort())));

        driveTheWholeLifecycle();
        provisionTwice();

        TaskRouterOpenApi openApi = new TaskRouterOpenApi();
        List<String> problems = new ArrayList<>();
        Set<String> operationsUsed = new TreeSet<>();
        for (ServeEvent event : recorder.getAllServeEvents()) {
            String method = event.getRequest().getMethod().getName();
            URI url = URI.create(event.getRequest().getUrl());
            String where = method + " " + url.getPath();
            String template = openApi.templateOf(url.getPath()).orElse(null);
            if (template == null) {
                problems.add(where + ": no such path in the OpenAPI file");
                continue;
            }
            JsonNode operation = openApi.operation(template, method);
            if (operation.isMissingNode()) {
                problems.add(where + ": " + method + " is not an operation of " + template);
                continue;
            }
            operationsUsed.add(method + " " + template);
            Set<String> formFields = openApi.formFields(operation);
            for (String field : formNames(event.getRequest().getBodyAsString())) {
                if (!formFields.contains(field)) {
                    problems.add(where + ": form field " + field + " is not declared (declared: " + formFields + ")");
                }
            }
            Set<String> queryNames = openApi.parameters(operation, "query");
            for (String name : formNames(url.getRawQuery())) {
                if (!queryNames.contains(name)) {
                    problems.add(where + ": query parameter " + name + " is not declared");
                }
            }
            if (event.getRequest().containsHeader("If-Match")
                    && !openApi.parameters(operation, "header").contains("If-Match")) {
                problems.add(where + ": If-Match is not declared");
            }
            int status = event.getResponse().getStatus();
            if (status < 300) {
                if (!openApi.statuses(operation).contains(status)) {
                    problems.add(where + ": answered " + status + ", documented " + openApi.statuses(operation));
                }
                checkAnswerFields(openApi, operation, status, where, event.getResponse().getBodyAsString(), problems);
            }
        }
        assertEquals(List.of(), problems);

        Set<String> expected = Set.of(
                "POST /v1/Workspaces/{WorkspaceSid}/Tasks",
                "GET /v1/Workspaces/{WorkspaceSid}/Tasks",
                "GET /v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}",
                "POST /v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}",
                "GET /v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations",
                "POST /v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations/{Sid}",
                "GET /v1/Workspaces/{WorkspaceSid}/Workers",
                "POST /v1/Workspaces/{WorkspaceSid}/Workers",
                "POST /v1/Workspaces/{WorkspaceSid}/Workers/{Sid}",
                "GET /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Reservations",
                "GET /v1/Workspaces/{WorkspaceSid}/Activities",
                "POST /v1/Workspaces/{WorkspaceSid}/Activities",
                "GET /v1/Workspaces/{WorkspaceSid}/TaskQueues",
                "POST /v1/Workspaces/{WorkspaceSid}/TaskQueues",
                "GET /v1/Workspaces/{WorkspaceSid}/Workflows",
                "POST /v1/Workspaces/{WorkspaceSid}/Workflows",
                "POST /v1/Workspaces/{WorkspaceSid}/Workflows/{Sid}",
                "POST /v1/Workspaces/{Sid}");
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(operationsUsed);
        assertTrue(missing.isEmpty(), "the run did not exercise " + missing);
    }

    private static void checkAnswerFields(TaskRouterOpenApi openApi, JsonNode operation, int status, String where,
            String body, List<String> problems) throws Exception {
        JsonNode answer = JSON.readTree(body);
        Set<String> allowed = openApi.answerFields(operation, status);
        for (Iterator<String> names = answer.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(where + ": the answer's field " + name + " is not in the OpenAPI schema");
            } else if (answer.get(name).isArray() && !"meta".equals(name)) {
                Set<String> itemFields = openApi.itemFields(operation, status, name);
                for (JsonNode item : answer.get(name)) {
                    item.fieldNames().forEachRemaining(field -> {
                        if (!itemFields.contains(field)) {
                            problems.add(where + ": " + name + "[] field " + field + " is not in the OpenAPI schema");
                        }
                    });
                }
            }
        }
    }

    private static Set<String> formNames(String encoded) {
        Set<String> names = new HashSet<>();
        if (encoded == null || encoded.isEmpty()) {
            return names;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            names.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
        }
        return names;
    }

    private static String createTask(String body) {
        return operator().contentType("application/json").body(body).when().post("/api/tasks")
                .then().statusCode(201).extract().path("sid");
    }

    private static String pendingReservationOf(String task) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Map<String, String>> pending = operator().when().get("/api/reservations").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            return pending.stream().filter(r -> task.equals(r.get("taskSid"))).map(r -> r.get("sid")).findFirst()
                    .orElse(null);
        }, java.util.Objects::nonNull);
    }

    private static void driveTheWholeLifecycle() {
        String idle = EmbeddedTaskRouterProfile.SEEDED.activitySid("Idle");
        String offline = EmbeddedTaskRouterProfile.SEEDED.activitySid("Offline");

        String first = createTask("{\"attributes\":{\"selected_language\":\"es\"},\"priority\":3,\"timeout\":600,"
                + "\"taskChannel\":\"default\"}");
        operator().when().post("/api/tasks/" + first + "/reservations/" + pendingReservationOf(first) + "/accept")
                .then().statusCode(200);
        operator().when().get("/api/tasks/" + first).then().statusCode(200);
        operator().when().post("/api/tasks/" + first + "/wrapup").then().statusCode(200);
        operator().contentType("application/json").body("{\"reason\":\"done\",\"activitySid\":\"" + idle + "\"}")
                .when().post("/api/tasks/" + first + "/complete").then().statusCode(200);

        String second = createTask("{\"attributes\":{\"selected_language\":\"en\"}}");
        operator().contentType("application/json").body("{\"activitySid\":\"" + offline + "\"}")
                .when().post("/api/tasks/" + second + "/reservations/" + pendingReservationOf(second) + "/reject")
                .then().statusCode(200);
        operator().when().get("/api/tasks?assignmentStatus=pending,reserved").then().statusCode(200);
        operator().contentType("application/json").body("{\"reason\":\"caller hung up\"}")
                .when().post("/api/tasks/" + second + "/cancel").then().statusCode(200);
        operator().when().get("/api/activities").then().statusCode(200);
        for (String worker : List.of(EmbeddedTaskRouterProfile.SEEDED.workerSid("Alice"),
                EmbeddedTaskRouterProfile.SEEDED.workerSid("Bob"))) {
            operator().contentType("application/json").body("{\"activitySid\":\"" + idle + "\"}")
                    .when().put("/api/workers/" + worker + "/activity").then().statusCode(200);
        }
        operator().when().get("/api/workers").then().statusCode(200);
    }

    private void provisionTwice() {
        WorkspaceDefinition definition = WorkspaceDefinition.load(new ByteArrayInputStream("""
                friendly_name: Conformance
                event_callback_path: /events
                activities:
                  - friendly_name: Offline
                    available: false
                  - friendly_name: Training
                    available: false
                workers:
                  - friendly_name: Dana
                    activity: Training
                    attributes:
                      languages: [de]
                task_queues:
                  - friendly_name: German
                    target_workers: languages HAS "de"
                    reservation_activity: Training
                workflows:
                  - friendly_name: German Workflow
                    assignment_callback_path: /assignment_callback
                    fallback_assignment_callback_path: /assignment_callback
                    default_queue: German
                """.getBytes(StandardCharsets.UTF_8)), "conformance definition");
        provisioner.provision(definition, "https://callbacks.example.test", List.of()).await().atMost(Duration.ofSeconds(10));
        provisioner.provision(definition, "https://callbacks.example.test", List.of()).await().atMost(Duration.ofSeconds(10));
    }
}
