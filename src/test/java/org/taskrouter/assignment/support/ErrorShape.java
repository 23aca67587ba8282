package org.taskrouter.assignment.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one shape every error of the service has, {@code {"status":…,"error":"…"}} with an optional int
 * {@code twilioCode}, as a check. A caller tells an error by this shape whatever went wrong and whichever layer
 * refused the request; writing the rule down once lets every test that provokes an error hold the answer to the
 * same rule, so that no exception mapper, filter or limit drifts into a shape of its own unnoticed.
 */
public final class ErrorShape {

    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorShape() {
    }

    /**
     * Fails unless {@code answer} is an error of the one shape: application/json; a JSON object; {@code "status"}
     * an int equal to the HTTP status; {@code "error"} text that is not blank; no fields but these and an int
     * {@code "twilioCode"}. {@code context} ends every failure message.
     */
    public static void assertErrorShape(HttpAnswer answer, String context) {
        assertTrue(answer.contentType() != null && answer.contentType().startsWith(JSON_TYPE),
                "an error that is not application/json" + context);
        JsonNode json = readJson(answer.body(), context);
        assertTrue(json.isObject(), "an error that is not a JSON object" + context);
        assertTrue(json.path("status").isInt() && json.get("status").intValue() == answer.status(),
                "an error whose \"status\" is not the HTTP status" + context);
        assertTrue(json.path("error").isTextual() && !json.get("error").asText().isBlank(),
                "an error without words in \"error\"" + context);
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            assertTrue(name.equals("status") || name.equals("error")
                    || (name.equals("twilioCode") && json.get(name).isInt()),
                    "an error with an unexpected field '" + name + "'" + context);
        }
    }

    /** {@code body} read as JSON; fails, with {@code context} in the message, if it is not JSON. */
    public static JsonNode readJson(String body, String context) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("a body that is not JSON" + context, e);
        }
    }
}
