package org.taskrouter.assignment.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call the operator API under {@code /api}. */
@ConfigMapping(prefix = "operator")
public interface OperatorConfig {

    /** The bearer token of the operator API and the console ({@code OPERATOR_TOKEN}); absent, the API is off. */
    Optional<String> token();

    /** How wrong tokens from one address are held back. */
    Guesses guesses();

    /** Guessing the token: a few mistakes are a typo, many in a row an attack. */
    interface Guesses {

        /** Refused tokens from one address within {@link #window()} after which that address gets 429. */
        @WithDefault("20")
        int limit();

        /** How long refusals count, and how long an address that reached the limit gets 429 ({@code Retry-After}). */
        @WithDefault("PT1M")
        Duration window();
    }
}
