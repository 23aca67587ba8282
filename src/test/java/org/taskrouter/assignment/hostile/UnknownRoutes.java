package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileCase.Expect.clientError;
import static org.taskrouter.assignment.hostile.HostileInputs.BEARER;
import static org.taskrouter.assignment.hostile.HostileInputs.RESERVATION;
import static org.taskrouter.assignment.hostile.HostileInputs.TASK;
import static org.taskrouter.assignment.hostile.HostileInputs.WORKER;
import static org.taskrouter.assignment.hostile.HostileInputs.named;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;

/** Routes and methods the service does not have, with and without the operator token. */
final class UnknownRoutes {

    private UnknownRoutes() {
    }

    static Stream<Arguments> unknownRoutes() {
        List<Arguments> cases = new ArrayList<>();
        String[][] routes = {
            {"DELETE", "/api/tasks"}, {"PUT", "/api/tasks"}, {"PATCH", "/api/tasks/" + TASK},
            {"DELETE", "/api/tasks/" + TASK}, {"GET", "/api/tasks/" + TASK + "/complete"},
            {"GET", "/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept"}, {"GET", "/api/setup"},
            {"POST", "/api/workers"}, {"GET", "/api/workers/" + WORKER + "/activity"}, {"POST", "/api/events"},
            {"GET", "/assignment_callback"}, {"PUT", "/assignment_callback"}, {"DELETE", "/assignment_callback"},
            {"GET", "/events"}, {"PATCH", "/events"}, {"GET", "/q/nope"}, {"POST", "/q/nope"}, {"GET", "/nope"},
            {"GET", "/api"}, {"GET", "/api/"}, {"GET", "/api/nope"}, {"POST", "/api/nope"},
            {"GET", "/api/tasks/" + TASK + "/x/y/z"}, {"GET", "/api/tasks/" + TASK + "/reservations"},
            {"POST", "/assignment_callback/x"}, {"POST", "/events/x"}, {"GET", "/api/tasks/" + TASK + "/"},
        };
        for (String[] route : routes) {
            cases.add(named(route[0] + " " + route[1], new HostileRequest(route[0], route[1]),
                    Expect.oneOf(401, 404, 405)));
            cases.add(named(route[0] + " " + route[1] + " with the token", new HostileRequest(route[0], route[1])
                    .operator(), Expect.oneOf(404, 405)));
        }
        for (String raw : List.of("//api//tasks", "/api/./tasks", "/api/tasks/../../q/nope", "/%00",
                "/assignment_callback%00", "/api/tasks%2F" + TASK, "/\u00e9")) {
            cases.add(named("GET " + raw, HostileRequest.raw("GET", raw).header("Authorization", BEARER),
                    Expect.of("any 4xx, or an operator answer", s -> clientError(s) || s == 200 || s == 503)));
        }
        return cases.stream();
    }
}
