package org.taskrouter.assignment.error;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests over the limits are refused before anything reads them, in the same JSON shape as every other error:
 * a request line over 4 KiB (414), a URI that does not parse (400), headers over 20 KiB (431), a body over
 * {@code quarkus.http.limits.max-body-size}
 * (413), whether it declares its length or comes chunked. The HTTP codec's own refusals have an empty body, so
 * its limits are set above these ({@code application.yaml}) and it refuses only what is far beyond them.
 */
@Singleton
public class OversizedBodyGuard {

    /** The longest request line answered normally: Vert.x's default, which the codec's limit now exceeds. */
    public static final int MAX_REQUEST_LINE = 4096;
    /** The most header bytes answered normally: Quarkus' default, which the codec's limit now exceeds. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;
    /** {@code " HTTP/1.1"} after the URI on the request line. */
    private static final int VERSION_LENGTH = 9;

    private final long maxBodyBytes;

    public OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method().name().length() + 1 + request.uri().length() + VERSION_LENGTH > MAX_REQUEST_LINE) {
            answer(context, 414, "The request line is too long: at most " + MAX_REQUEST_LINE + " bytes");
            return;
        }
        if (!parses(request.uri())) {
            // before any route: matching a path decodes its escapes, and an undecodable one would throw there
            answer(context, 400, "The request URI is malformed: check its percent-escapes and characters");
            return;
        }
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            answer(context, 431, "The headers are too large: at most " + MAX_HEADER_BYTES + " bytes in all");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            if (length.length() <= 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > maxBodyBytes) {
                answer(context, 413, tooLarge());
                return;
            }
        } else if (request.getHeader("Transfer-Encoding") != null) {
            readChunked(context);
            return;
        }
        context.next();
    }

    /**
     * Reads a body of unknown length here, counting, so that one over the limit is refused in JSON the moment it
     * passes it; the REST layer then reads the body from the routing context. (Left to the REST layer, a chunked
     * body over the limit got an empty 413 and an ERROR line with a stack trace, which any client could cause.)
     */
    private void readChunked(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                // the rest of the body is still on its way: the connection cannot carry another request
                context.response().putHeader("Connection", "close");
                answer(context, 413, tooLarge());
                request.connection().close();
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(cutOff -> {
            if (!context.response().ended()) {
                answer(context, 400, "The request body could not be read");
            }
        });
        request.endHandler(ended -> {
            if (!context.response().ended()) {
                context.setBody(body);
                context.next();
            }
        });
    }

    /** The rule Quarkus applies when its own check is on ({@code ServiceMain}), so the same URIs are refused. */
    private static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private String tooLarge() {
        return "The body is too large: at most " + maxBodyBytes + " bytes";
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            // "Name: value" as the request carried it
            bytes += header.getKey().length() + 2 + header.getValue().length();
        }
        return bytes;
    }

    static void answer(RoutingContext context, int status, String words) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(Json.encode(new ErrorBody(status, words)));
    }
}
