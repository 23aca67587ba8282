package org.taskrouter.assignment.callback;

import jakarta.inject.Singleton;

import org.taskrouter.assignment.error.BadRequestException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the JSON objects TaskRouter sends as form values (TaskAttributes, WorkerAttributes). Every callback's are
 * checked by {@link JsonObjectSyntax}, which builds nothing; a tree is built only for a rule that looks inside.
 */
@Singleton
public class AttributesReader {

    private static final ObjectNode NONE = JsonNodeFactory.instance.objectNode();

    private final ObjectMapper mapper;

    public AttributesReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * {@code json} when it is a JSON object, "{}" when absent or blank; a 400 naming {@code parameter} when it is
     * not valid JSON or not an object.
     */
    public String check(String parameter, String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        switch (JsonObjectSyntax.of(json)) {
            case NOT_AN_OBJECT -> throw new BadRequestException(parameter + " must be a JSON object");
            case INVALID -> throw new BadRequestException(parameter + " is not valid JSON");
            case OBJECT -> {
            }
        }
        return json;
    }

    /** The object {@code json} holds, for JSON that {@link #check} has let through. */
    public JsonNode tree(String json) {
        if ("{}".equals(json)) {
            return NONE;
        }
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new BadRequestException("Attributes are not valid JSON");
        }
    }
}
