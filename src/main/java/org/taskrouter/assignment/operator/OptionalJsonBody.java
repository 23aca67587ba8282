package org.taskrouter.assignment.operator;

import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON body that may be left out. {@code curl -X POST …/complete} sends no body and no Content-Type;
 * JAX-RS would refuse that with 415 before a typed body parameter could be null, so such endpoints take the
 * raw text and read it here. Unreadable JSON still ends as a 400 through the error mappers.
 */
@Singleton
public class OptionalJsonBody {

    private final ObjectMapper json;

    public OptionalJsonBody(ObjectMapper json) {
        this.json = json;
    }

    /** The body as {@code type}, or empty when there is none. */
    public <T> Optional<T> read(String body, Class<T> type) throws JacksonException {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(json.readValue(body, type));
    }
}
