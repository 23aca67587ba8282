package org.taskrouter.assignment.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The official TaskRouter OpenAPI description (twilio/twilio-oai, copied with its licence into
 * src/test/resources/twilio-oai), asked what a request may carry and what an answer may hold.
 */
final class TaskRouterOpenApi {

    private final JsonNode spec;
    private final List<Route> routes = new ArrayList<>();

    /** One path template of the file, matched by a pattern. */
    record Route(String template, Pattern pattern) {
    }

    TaskRouterOpenApi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/twilio-oai/twilio_taskrouter_v1.json")) {
            spec = new ObjectMapper().readTree(in);
        }
        Iterator<String> templates = spec.get("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            routes.add(new Route(template, Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+"))));
        }
        // a literal segment beats a parameter: /Workers/Statistics before /Workers/{Sid}
        routes.sort(java.util.Comparator.comparingLong(route -> route.template().chars().filter(c -> c == '{').count()));
    }

    /** The path template {@code path} belongs to. */
    Optional<String> templateOf(String path) {
        return routes.stream().filter(route -> route.pattern().matcher(path).matches()).map(Route::template)
                .findFirst();
    }

    /** The operation, or a missing node. */
    JsonNode operation(String template, String method) {
        return spec.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    }

    /** The names of the form fields the operation takes. */
    Set<String> formFields(JsonNode operation) {
        Set<String> names = new HashSet<>();
        operation.path("requestBody").path("content").path("application/x-www-form-urlencoded").path("schema")
                .path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The names of the parameters the operation takes in {@code where} (query, header, path). */
    Set<String> parameters(JsonNode operation, String where) {
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (where.equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    /** The field names an answer of {@code status} may have, resolving one level of $ref. */
    Set<String> answerFields(JsonNode operation, int status) {
        JsonNode schema = operation.path("responses").path(Integer.toString(status)).path("content")
                .path("application/json").path("schema");
        schema = resolve(schema);
        Set<String> names = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The fields of the items of a list answer's {@code key} array. */
    Set<String> itemFields(JsonNode operation, int status, String key) {
        JsonNode schema = resolve(operation.path("responses").path(Integer.toString(status)).path("content")
                .path("application/json").path("schema"));
        JsonNode items = resolve(schema.path("properties").path(key).path("items"));
        Set<String> names = new HashSet<>();
        items.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The answer statuses the operation documents. */
    Set<Integer> statuses(JsonNode operation) {
        Set<Integer> statuses = new HashSet<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.valueOf(code)));
        return statuses;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = spec;
            for (String step : ref.substring(2).split("/")) {
                target = target.path(step);
            }
            return target;
        }
        return schema;
    }
}
