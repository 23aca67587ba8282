package org.taskrouter.assignment.config;

/** A configuration value that the service cannot start with; the message names the variable. */
public final class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message, null, false, false);
    }
}
