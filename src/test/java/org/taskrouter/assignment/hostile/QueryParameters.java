package org.taskrouter.assignment.hostile;

import static org.taskrouter.assignment.hostile.HostileCase.Expect.clientError;
import static org.taskrouter.assignment.hostile.HostileInputs.BEARER;
import static org.taskrouter.assignment.hostile.HostileInputs.RANDOM_CASES;
import static org.taskrouter.assignment.hostile.HostileInputs.SEED;
import static org.taskrouter.assignment.hostile.HostileInputs.named;
import static org.taskrouter.assignment.hostile.HostileInputs.soup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.taskrouter.assignment.hostile.HostileCase.Expect;

/** The operator API's query parameters: {@code assignmentStatus}, {@code status} and {@code limit}. */
final class QueryParameters {

    private static final Set<String> TASK_STATUSES = Set.of("pending", "reserved", "assigned", "wrapping",
            "completed", "canceled");
    private static final Set<String> RESERVATION_STATUSES = Set.of("pending", "accepted", "rejected", "timeout",
            "canceled", "rescinded", "wrapping", "completed");

    private static final String[] QUERY_PIECES = {
        "pending", "reserved", "assigned", "wrapping", "completed", "canceled", "accepted", "rejected", "timeout",
        "rescinded", ",", ",", " ", "%", "%G1", "\u0000", "\u00e9", "\ud83d\ude00", "PENDING", "*", "'", "\"",
        ";", "&", "=", "-1", "0", "1", "abc", "99999999999", "1e3", "\t", "\n", "[", "]", "{", "}",
    };

    private QueryParameters() {
    }

    /** What {@code GET /api/events?limit=…} must answer: 200 in 1..500, 400 outside, a 4xx if not a number. */
    static Expect limitExpectation(String limit) {
        try {
            int value = Integer.parseInt(limit);
            return value >= 1 && value <= 500 ? Expect.oneOf(200) : Expect.oneOf(400);
        } catch (NumberFormatException e) {
            // not a number as it stands; one after trimming may be read either way
        }
        try {
            int value = Integer.parseInt(limit.trim());
            return value >= 1 && value <= 500 ? Expect.of("200 or 4xx", s -> s == 200 || clientError(s))
                    : Expect.of("4xx", Expect::clientError);
        } catch (NumberFormatException e) {
            return limit.isEmpty() ? Expect.of("200 or 4xx", s -> s == 200 || clientError(s))
                    : Expect.of("4xx", Expect::clientError);
        }
    }

    static Stream<Arguments> hostileQueries() {
        Random random = new Random(SEED + 5);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < RANDOM_CASES; i++) {
            switch (i % 3) {
                case 0 -> {
                    HostileRequest request = new HostileRequest("GET", "/api/tasks").operator();
                    List<String> values = new ArrayList<>();
                    for (int n = 1 + random.nextInt(3); n > 0; n--) {
                        String value = soup(random, QUERY_PIECES, random.nextInt(6));
                        values.add(value);
                        request.query("assignmentStatus", value);
                    }
                    boolean known = values.stream().flatMap(v -> Stream.of(v.split(","))).map(String::trim)
                            .filter(v -> !v.isEmpty()).allMatch(TASK_STATUSES::contains);
                    cases.add(named("random #" + i + " assignmentStatus=" + values, request,
                            known ? Expect.operatorAnswer() : Expect.oneOf(400)));
                }
                case 1 -> {
                    String status = soup(random, QUERY_PIECES, random.nextInt(4));
                    cases.add(named("random #" + i + " status=" + status, new HostileRequest("GET", "/api/reservations")
                            .operator().query("status", status), status.isEmpty()
                                    || RESERVATION_STATUSES.contains(status) ? Expect.operatorAnswer()
                                            : Expect.oneOf(400)));
                }
                default -> {
                    String limit = random.nextBoolean() ? Integer.toString(random.nextInt(2_000) - 500)
                            : soup(random, QUERY_PIECES, random.nextInt(3));
                    cases.add(named("random #" + i + " limit=" + limit, new HostileRequest("GET", "/api/events")
                            .operator().query("limit", limit), limitExpectation(limit)));
                }
            }
        }
        for (String limit : List.of("-1", "0", "abc", "99999999999", "2147483648", "-2147483649", "1e3", "0x10",
                "+5", " 5", "5 ", "", "500", "501", "1.5", "\u0661\u0662", "5,6", "\u0000", "NaN", "9".repeat(3_000))) {
            cases.add(named("limit=" + limit, new HostileRequest("GET", "/api/events").operator().query("limit", limit),
                    limitExpectation(limit)));
        }
        cases.add(named("limit twice", new HostileRequest("GET", "/api/events").operator().query("limit", "5")
                .query("limit", "abc"), Expect.of("200 or 4xx", s -> s == 200 || clientError(s))));
        for (String status : List.of("", ",", ",,,", " , ", "pending,", "pending,garbage", "PENDING", "pending ",
                "x".repeat(3_000), "\u0000", "pending\u0000",
                "assigned,wrapping,completed,canceled,reserved,pending")) {
            boolean known = Stream.of(status.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .allMatch(TASK_STATUSES::contains);
            cases.add(named("assignmentStatus=" + status, new HostileRequest("GET", "/api/tasks").operator()
                    .query("assignmentStatus", status), known ? Expect.operatorAnswer() : Expect.oneOf(400)));
            // an empty status is the default, pending
            cases.add(named("status=" + status, new HostileRequest("GET", "/api/reservations").operator()
                    .query("status", status), status.isEmpty() || RESERVATION_STATUSES.contains(status)
                            ? Expect.operatorAnswer() : Expect.oneOf(400)));
        }
        for (String raw : List.of("/api/events?limit=%e9", "/api/events?limit=%00", "/api/events?&&&",
                "/api/events?limit", "/api/events?limit=5&limit=%ff", "/api/tasks?assignmentStatus=%e9",
                "/api/tasks?assignmentStatus=%ff%fe", "/api/tasks?assignmentStatus=%2C%2C",
                "/api/reservations?status=%c0%ae",
                "/api/reservations?status", "/api/reservations?=pending", "/api/reservations?status=pending%00")) {
            cases.add(named(raw, HostileRequest.raw("GET", raw).header("Authorization", BEARER),
                    Expect.operatorAnswer()));
        }
        return cases.stream();
    }
}
