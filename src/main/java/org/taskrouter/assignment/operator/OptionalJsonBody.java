package org.taskrouter.assignment.operator;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON body that may be left out. {@code curl -X POST …/complete} sends no body and no Content-Type;
 * JAX-RS would refuse that with 415 before a typed body parameter could be null, so such endpoints take the
 * raw text and read it here. A body read here skips JAX-RS' {@code @Valid}, so its constraints are checked here
 * by the same validator: unreadable JSON and a field that breaks a constraint both end as a 400 through the
 * error mappers, in the same words as a typed body's.
 */
@Singleton
public class OptionalJsonBody {

    private final ObjectMapper json;
    private final Validator validator;

    public OptionalJsonBody(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The body as {@code type}, validated, or empty when there is none. */
    public <T> Optional<T> read(String body, Class<T> type) throws JacksonException {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        T value = json.readValue(body, type);
        if (value != null) {
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return Optional.ofNullable(value);
    }
}
