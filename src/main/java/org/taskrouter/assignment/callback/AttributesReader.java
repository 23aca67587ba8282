package org.taskrouter.assignment.callback;

import jakarta.inject.Singleton;

import org.taskrouter.assignment.error.BadRequestException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads the JSON objects TaskRouter sends as form values (TaskAttributes, WorkerAttributes). */
@Singleton
public class AttributesReader {

    private static final ObjectNode NONE = JsonNodeFactory.instance.objectNode();

    private final ObjectMapper mapper;

    public AttributesReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The object {@code json} holds: empty when absent; a 400 naming {@code parameter} when it is not an object. */
    public JsonNode read(String parameter, String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new BadRequestException(parameter + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException(parameter + " must be a JSON object");
        }
        return node;
    }
}
