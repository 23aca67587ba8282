package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileInputs.ACTIVITY;
import static org.taskrouter.assignment.hostile.HostileInputs.BEARER;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;
import static org.taskrouter.assignment.hostile.HostileInputs.RANDOM_CASES;
import static org.taskrouter.assignment.hostile.HostileInputs.RESERVATION;
import static org.taskrouter.assignment.hostile.HostileInputs.SEED;
import static org.taskrouter.assignment.hostile.HostileInputs.TASK;
import static org.taskrouter.assignment.hostile.HostileInputs.WORKER;
import static org.taskrouter.assignment.hostile.HostileInputs.mutate;
import static org.taskrouter.assignment.hostile.HostileInputs.named;
import static org.taskrouter.assignment.hostile.HostileInputs.soup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;

/** Wrong, missing and repeated operator tokens on every operator route: 401, and a few right ones on purpose. */
final class OperatorTokens {

    private OperatorTokens() {
    }

    /** Every operator route, with a body it would take. */
    static HostileRequest operatorRoute(int which) {
        return switch (which % 14) {
            case 0 -> new HostileRequest("GET", "/api/tasks");
            case 1 -> new HostileRequest("GET", "/api/tasks/" + TASK);
            case 2 -> new HostileRequest("POST", "/api/tasks").text(JSON_TYPE, "{\"attributes\":{}}");
            case 3 -> new HostileRequest("GET", "/api/reservations");
            case 4 -> new HostileRequest("GET", "/api/workers");
            case 5 -> new HostileRequest("PUT", "/api/workers/" + WORKER + "/activity")
                    .text(JSON_TYPE, "{\"activitySid\":\"" + ACTIVITY + "\"}");
            case 6 -> new HostileRequest("GET", "/api/activities");
            case 7 -> new HostileRequest("GET", "/api/events");
            case 8 -> new HostileRequest("POST", "/api/setup");
            case 9 -> new HostileRequest("POST", "/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/accept");
            case 10 -> new HostileRequest("POST", "/api/tasks/" + TASK + "/reservations/" + RESERVATION + "/reject");
            case 11 -> new HostileRequest("POST", "/api/tasks/" + TASK + "/wrapup");
            case 12 -> new HostileRequest("POST", "/api/tasks/" + TASK + "/complete");
            default -> new HostileRequest("POST", "/api/tasks/" + TASK + "/cancel");
        };
    }

    private static final String[] TOKEN_PIECES = {
        "Bearer ", "Bearer", "bearer ", "Basic ", "Token ", " ", "  ", "test-operator-token", "test", "-", "operator",
        "token", "=", ",", ";", "\"", "\u00e9", "\u00ff", "\u00a0", "\t", "0", "x", "A", "/", "+", "Bearer test",
    };

    static Stream<Arguments> wrongTokens() {
        Random random = new Random(SEED + 6);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < RANDOM_CASES; i++) {
            String token = switch (random.nextInt(4)) {
                case 0 -> "Bearer " + soup(random, TOKEN_PIECES, 1 + random.nextInt(8));
                case 1 -> soup(random, TOKEN_PIECES, 1 + random.nextInt(8));
                case 2 -> "Basic " + Base64.getEncoder().encodeToString(
                        soup(random, TOKEN_PIECES, 1 + random.nextInt(6)).getBytes(StandardCharsets.UTF_8));
                default -> mutate(BEARER, random);
            };
            String sent = token.replaceAll("^[ \t]+|[ \t]+$", ""); // HTTP drops the spaces around a value
            if (sent.regionMatches(true, 0, "Bearer ", 0, 7)
                    && sent.substring(7).trim().equals("test-operator-token")) {
                token = token + "x"; // the right token by chance: not what this family tests
            }
            cases.add(named("random #" + i + " '" + token + "'", operatorRoute(i).header("Authorization", token),
                    Expect.oneOf(401)));
        }
        for (String token : List.of("", " ", "Bearer", "Bearer ", "Bearer  ", "bearer", "Bearer\ttest-operator-token",
                "Bearer test-operator-token2", "Bearer test-operator-toke", "Bearer test-operator-token,x",
                "Bearer " + "t".repeat(10 * 1024), "Bearer " + "t".repeat(16 * 1024), "Basic xyz",
                "Basic " + Base64.getEncoder().encodeToString("x:test-operator-token".getBytes(StandardCharsets.UTF_8)),
                "Token test-operator-token", "test-operator-token", "Bearer t\u00ebst", "Bearer \u00ff\u00fe",
                "Bearer test-operator-token\u00a0x", "Bearer=test-operator-token", "Bearertest-operator-token")) {
            for (int route = 0; route < 14; route += 3) {
                cases.add(named("'" + token + "' on route " + route, operatorRoute(route)
                        .header("Authorization", token), Expect.oneOf(401)));
            }
        }
        for (int route = 0; route < 14; route++) {
            cases.add(named("no Authorization on route " + route, operatorRoute(route), Expect.oneOf(401)));
            cases.add(named("two Authorization headers on route " + route, operatorRoute(route)
                    .header("Authorization", BEARER).header("Authorization", BEARER),
                    Expect.of("401 or an operator answer", s -> s == 401 || Expect.operatorAnswer().ok().test(s))));
        }
        // accepted on purpose: the scheme is case-insensitive and the token is trimmed
        for (String token : List.of("bearer test-operator-token", "BEARER test-operator-token",
                "Bearer   test-operator-token   ")) {
            cases.add(named("'" + token + "' is the right token", operatorRoute(7).header("Authorization", token),
                    Expect.oneOf(200)));
        }
        return cases.stream();
    }
}
