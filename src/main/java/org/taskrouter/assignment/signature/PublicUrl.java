package org.taskrouter.assignment.signature;

import java.net.URI;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.taskrouter.assignment.config.PublicUrlConfig;

import io.vertx.core.http.HttpServerRequest;

/**
 * The URL Twilio called, which is the URL it signed. Behind ngrok or a proxy the URL the service sees differs,
 * so it is rebuilt from the configured public base URL, or from {@code X-Forwarded-*} when those are trusted.
 * One bean, so that the signature check and {@code POST /api/setup} can never disagree on that URL.
 */
@Singleton
public final class PublicUrl {

    private final String configuredBase;
    private final boolean trustForwardedHeaders;

    @Inject
    public PublicUrl(PublicUrlConfig config) {
        this(config.baseUrl(), config.trustForwardedHeaders());
    }

    PublicUrl(Optional<URI> configuredBase, boolean trustForwardedHeaders) {
        this.configuredBase = configuredBase.map(PublicUrl::withoutTrailingSlash).orElse(null);
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    /** The public URL of {@code request}: scheme, host, optional port and prefix, path and query. */
    public String of(HttpServerRequest request) {
        String base = trustedBase(request);
        return base != null ? base + request.uri() : request.absoluteURI();
    }

    /**
     * The public base URL (scheme, host, optional port and prefix, no trailing slash) as {@code request} shows it,
     * and whether that came from configuration or trusted headers rather than from the request's own address.
     */
    public Base base(HttpServerRequest request) {
        String base = trustedBase(request);
        if (base != null) {
            return new Base(base, true);
        }
        String own = request.absoluteURI();
        String path = request.uri();
        return new Base(own.endsWith(path) ? own.substring(0, own.length() - path.length()) : own, false);
    }

    /** A base URL, and whether it is the public one rather than the address the request arrived at. */
    public record Base(String url, boolean known) {
    }

    private String trustedBase(HttpServerRequest request) {
        if (trustForwardedHeaders) {
            String forwarded = fromForwardedHeaders(request);
            if (forwarded != null) {
                return forwarded;
            }
        }
        return configuredBase;
    }

    private static String fromForwardedHeaders(HttpServerRequest request) {
        String forwardedHost = first(request.getHeader("X-Forwarded-Host"));
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        if (forwardedHost == null && proto == null) {
            return null;
        }
        // Many load balancers (AWS ALB, Cloud Run, Fly, Heroku) keep Host and add only the scheme and port.
        String host = forwardedHost != null ? forwardedHost : request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return null;
        }
        String port = first(request.getHeader("X-Forwarded-Port"));
        String prefix = first(request.getHeader("X-Forwarded-Prefix"));
        StringBuilder url = new StringBuilder(proto == null ? request.scheme() : proto).append("://").append(host);
        if (port != null && !host.contains(":")) {
            url.append(':').append(port);
        }
        if (prefix != null) {
            url.append(withoutTrailingSlash(prefix.startsWith("/") ? prefix : "/" + prefix));
        }
        return url.toString();
    }

    /** A proxy chain appends its hops; the first is the client-facing one. */
    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).trim();
        return value.isEmpty() ? null : value;
    }

    private static String withoutTrailingSlash(Object base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
