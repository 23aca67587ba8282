package org.taskrouter.assignment.config;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A configuration value that the service cannot start with; the message names the variable. Being a Quarkus
 * {@link ConfigurationException}, it ends start-up with its message rather than a stack trace.
 */
public final class InvalidConfigurationException extends ConfigurationException {

    public InvalidConfigurationException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
