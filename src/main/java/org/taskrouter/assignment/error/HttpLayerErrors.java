package org.taskrouter.assignment.error;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests Vert.x Web refuses before a route runs (no {@code Host} header, a path that does not start with
 * {@code /}) get the one JSON error shape and a DEBUG line. Left to Quarkus' error handler they got
 * {@code {"details":"Error id …"}} and an ERROR line each, which a client could write at will.
 */
@Singleton
public class HttpLayerErrors {

    private static final Logger LOG = Logger.getLogger(HttpLayerErrors.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerClientErrors);
    }

    private void answerClientErrors(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500) {
            context.next(); // a failure of ours: Quarkus' handler logs it
            return;
        }
        LOG.debugf("Refused a request before any route (%d): %s", status,
                context.failure() == null ? "-" : context.failure().getMessage());
        OversizedBodyGuard.answer(context, status, words(status, context));
    }

    private static String words(int status, RoutingContext context) {
        return switch (status) {
            case 400 -> context.request().host() == null ? "The Host header is required" : "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "The body is too large";
            default -> "The request was refused (" + status + ")";
        };
    }
}
