package org.taskrouter.assignment.hostile;

import static io.restassured.RestAssured.given;
import static org.taskrouter.assignment.hostile.HostileInputs.BEARER;
import static org.taskrouter.assignment.hostile.HostileInputs.FORM;
import static org.taskrouter.assignment.hostile.HostileInputs.JSON_TYPE;
import static org.taskrouter.assignment.hostile.HostileInputs.decodeQuietly;
import static org.taskrouter.assignment.hostile.HostileInputs.percentEncode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.taskrouter.assignment.operator.ActivityRequest;
import org.taskrouter.assignment.operator.CancelTaskRequest;
import org.taskrouter.assignment.operator.CompleteTaskRequest;
import org.taskrouter.assignment.operator.CreateTaskRequest;
import org.taskrouter.assignment.operator.RejectRequest;
import org.taskrouter.assignment.support.HttpAnswer;
import org.taskrouter.assignment.support.PrintableText;
import org.taskrouter.assignment.support.RawHttpClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One hostile request. Raw ones are written to a socket as they are ({@link RawHttpClient}), for what REST Assured
 * cannot express (invalid percent-escapes in the request line, no Content-Type at all, an unknown charset); the
 * others go through REST Assured.
 */
final class HostileRequest {

    private static final RestAssuredConfig AS_IS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .defaultCharsetForContentType(StandardCharsets.ISO_8859_1.name(), FORM))
            // a hanging request fails its case instead of the whole run
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 20_000));
    /** Binds bodies as the service does (unknown properties ignored), to tell which ones are of the wrong shape. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    final String method;
    final String path;
    final boolean raw;
    final List<Object> pathParams = new ArrayList<>();
    final List<String[]> query = new ArrayList<>();
    final List<String[]> headers = new ArrayList<>();
    String contentType;
    byte[] body;
    boolean chunked;
    boolean host = true;

    HostileRequest(String method, String path) {
        this(method, path, false);
    }

    private HostileRequest(String method, String path, boolean raw) {
        this.method = method;
        this.path = path;
        this.raw = raw;
    }

    static HostileRequest raw(String method, String target) {
        return new HostileRequest(method, target, true);
    }

    HostileRequest pathParam(String value) {
        pathParams.add(value);
        return this;
    }

    HostileRequest query(String name, String value) {
        query.add(new String[] {name, value});
        return this;
    }

    HostileRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    HostileRequest operator() {
        return header("Authorization", BEARER);
    }

    HostileRequest text(String type, String text) {
        return bytes(type, text.getBytes(StandardCharsets.UTF_8));
    }

    HostileRequest bytes(String type, byte[] bytes) {
        this.contentType = type;
        this.body = bytes;
        return this;
    }

    HostileRequest rawBody(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    HostileRequest withoutHost() {
        this.host = false;
        return this;
    }

    HostileRequest chunked() {
        this.chunked = true;
        return this;
    }

    /**
     * Whether this request carries valid JSON that Jackson cannot bind to the body type of its endpoint (a
     * {@code MismatchedInputException}: an array for an object, a string for a number…). The resources of
     * complete, cancel and reject read their optional body whatever its Content-Type.
     */
    boolean wrongShapeJson() {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank() || raw) {
            return false;
        }
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(JSON_TYPE);
        Class<?> type;
        if (method.equals("POST") && path.equals("/api/tasks") && json) {
            type = CreateTaskRequest.class;
        } else if (method.equals("PUT") && path.endsWith("/activity") && json) {
            type = ActivityRequest.class;
        } else if (method.equals("POST") && path.endsWith("/complete")) {
            type = CompleteTaskRequest.class;
        } else if (method.equals("POST") && path.endsWith("/cancel")) {
            type = CancelTaskRequest.class;
        } else if (method.equals("POST") && path.endsWith("/reject")) {
            type = RejectRequest.class;
        } else {
            return false;
        }
        try {
            BINDER.readValue(body, type);
            return false;
        } catch (MismatchedInputException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Everything the caller sent, decoded where it is encoded: what an error message may fairly repeat. */
    String inputs() {
        StringBuilder all = new StringBuilder(path).append('\n').append(decodeQuietly(path));
        pathParams.forEach(p -> all.append('\n').append(p));
        query.forEach(q -> all.append('\n').append(q[0]).append('=').append(q[1]));
        headers.forEach(h -> all.append('\n').append(h[1]));
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            all.append('\n').append(text).append('\n').append(decodeQuietly(text));
        }
        return all.toString();
    }

    HttpAnswer send() {
        return raw ? sendRaw() : sendWithRestAssured();
    }

    /**
     * Path parameters and query parameters are percent-encoded here and sent as they are: REST Assured's own
     * templating loops forever on values with braces in them.
     */
    private HttpAnswer sendWithRestAssured() {
        RequestSpecification spec = given().config(AS_IS).urlEncodingEnabled(false);
        headers.forEach(h -> spec.header(h[0], h[1]));
        if (contentType != null) {
            spec.contentType(contentType);
        }
        if (body != null && contentType != null && (contentType.equalsIgnoreCase(FORM)
                || contentType.toLowerCase(Locale.ROOT).startsWith(FORM + ";"))) {
            // REST Assured sends form bodies only as text; ISO-8859-1 carries every byte through unchanged
            spec.body(new String(body, StandardCharsets.ISO_8859_1));
        } else if (body != null) {
            spec.body(body);
        }
        StringBuilder target = new StringBuilder();
        Iterator<Object> params = pathParams.iterator();
        Matcher template = Pattern.compile("\\{[a-z]+}").matcher(path);
        int at = 0;
        while (template.find()) {
            target.append(path, at, template.start()).append(percentEncode(params.next().toString()));
            at = template.end();
        }
        target.append(path.substring(at));
        String separator = "?";
        for (String[] q : query) {
            target.append(separator).append(percentEncode(q[0])).append('=').append(percentEncode(q[1]));
            separator = "&";
        }
        Response response = spec.when().request(method, target.toString());
        return new HttpAnswer(response.statusCode(), response.getHeader("Content-Type"),
                new String(response.asByteArray(), StandardCharsets.UTF_8));
    }

    private HttpAnswer sendRaw() {
        List<String> lines = new ArrayList<>();
        if (host) {
            lines.add("Host: localhost:" + RestAssured.port);
        }
        lines.add("Connection: close");
        headers.forEach(h -> lines.add(h[0] + ": " + h[1]));
        if (contentType != null) {
            lines.add("Content-Type: " + contentType);
        }
        if (body != null) {
            lines.add(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length);
        }
        String head = RawHttpClient.head(method, path, lines.toArray(String[]::new));
        try {
            return RawHttpClient.exchange(RestAssured.port, head, body, chunked);
        } catch (IOException e) {
            throw new AssertionError("No answer to " + this + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path);
        if (!pathParams.isEmpty()) {
            text.append(" with ").append(pathParams);
        }
        if (!query.isEmpty()) {
            text.append(" ?").append(query.stream().map(q -> q[0] + "=" + q[1]).collect(Collectors.joining("&")));
        }
        headers.forEach(h -> text.append(" [").append(h[0]).append(": ").append(h[1]).append(']'));
        if (contentType != null) {
            text.append(" [Content-Type: ").append(contentType).append(']');
        }
        if (body != null) {
            text.append(" body(").append(body.length).append(" bytes)=")
                    .append(new String(body, StandardCharsets.UTF_8));
        }
        return PrintableText.of(text.toString(), 600);
    }
}
