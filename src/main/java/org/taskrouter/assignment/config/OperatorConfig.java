package org.taskrouter.assignment.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who may call the operator API under {@code /api}. */
@ConfigMapping(prefix = "operator")
public interface OperatorConfig {

    /** The bearer token of the operator API and the console ({@code OPERATOR_TOKEN}); absent, the API is off. */
    Optional<String> token();
}
