package org.taskrouter.assignment.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service learns the URL Twilio called, which is the URL Twilio signed. */
@ConfigMapping(prefix = "public")
public interface PublicUrlConfig {

    /**
     * The scheme, host and optional path prefix Twilio calls ({@code PUBLIC_BASE_URL}, e.g. an ngrok URL). When
     * absent, the URL the request arrived at is used.
     */
    Optional<URI> baseUrl();

    /** Whether {@code X-Forwarded-Proto/Host/Port/Prefix} rebuild the public URL ({@code TRUST_FORWARDED_HEADERS}). */
    @WithDefault("false")
    boolean trustForwardedHeaders();
}
