package org.taskrouter.assignment.error;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than the limit is refused before anything reads it, in the same JSON shape as every
 * other error; the HTTP layer's own 413 would have an empty body.
 */
@Singleton
public class OversizedBodyGuard {

    private final long maxBodyBytes;

    public OversizedBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversizedBody);
    }

    private void refuseDeclaredOversizedBody(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.length() <= 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodyBytes) {
            answer(context, 413, "The body is too large: at most " + maxBodyBytes + " bytes");
            return;
        }
        context.next();
    }

    private static void answer(RoutingContext context, int status, String words) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(Json.encode(new ErrorBody(status, words)));
    }
}
