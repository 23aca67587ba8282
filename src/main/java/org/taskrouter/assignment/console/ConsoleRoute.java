package org.taskrouter.assignment.console;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The agent console: static files under {@code META-INF/resources/console/}, served by Quarkus, with the headers that
 * keep the page to itself. The page holds the operator token, so it runs no script but its own (no inline script,
 * no third party), may not be framed, and sends no referrer. {@code /} and {@code /console} lead to it.
 */
@Singleton
public class ConsoleRoute {

    static final String PATH = "/console/";

    /**
     * {@code connect-src 'self'}: the page talks to this service's API and stream only; {@code form-action 'none'}:
     * its forms are handled by script and never submitted, so a token can never end up in a URL.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    void install(@Observes Router router) {
        // before the REST layer, which would otherwise answer 404 for both
        // a regex, because Vert.x matches the plain path /console to /console/ as well
        router.getWithRegex("/|/console").order(Integer.MIN_VALUE + 2).handler(ConsoleRoute::redirect);
        router.route("/console/*").order(Integer.MIN_VALUE + 2).handler(ConsoleRoute::protect);
    }

    private static void redirect(RoutingContext context) {
        protect(context.response().headers());
        context.response().setStatusCode(302).putHeader("Location", PATH).end();
    }

    private static void protect(RoutingContext context) {
        protect(context.response().headers());
        // a new release's modules must reach an open console: revalidate rather than trust a day-old copy
        context.addHeadersEndHandler(ignored -> context.response().headers().set("Cache-Control", "no-cache"));
        context.next();
    }

    private static void protect(MultiMap headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("X-Frame-Options", "DENY");
    }
}
