package org.taskrouter.assignment.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Twilio account and the quickstart's TaskRouter resources, read from {@code .env} under the quickstart's
 * variable names ({@code TWILIO_ACCOUNT_SID}, ...). Everything may be absent so that the service starts
 * without an account; the TaskRouter client says what is missing when it is needed.
 */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

    /** The Account SID ({@code AC…}), the user name of REST calls made with the auth token. */
    Optional<String> accountSid();

    /** The account's auth token: the key of every request signature, and the REST password without an API key. */
    Optional<String> authToken();

    /** The Workspace ({@code WS…}) whose Tasks, Workers and Reservations the service handles. */
    Optional<String> workspaceSid();

    /** The Workflow ({@code WW…}) new Tasks are created in. */
    Optional<String> workflowSid();

    /** The quickstart's Worker Alice ({@code WK…}). */
    Optional<String> workerAliceSid();

    /** The quickstart's Worker Bob ({@code WK…}). */
    Optional<String> workerBobSid();

    /** The Activity ({@code WA…}) a Worker moves to after a dequeued call. */
    Optional<String> postWorkerActivity();

    /** An API key SID ({@code SK…}); with its secret, REST calls use it instead of the auth token. */
    Optional<String> apiKeySid();

    /** The secret of {@link #apiKeySid()}. */
    Optional<String> apiKeySecret();

    /** The caller ID ({@code +1…}) given as {@code from} in the {@code dequeue} instruction. */
    Optional<String> callerId();

    /** The TaskRouter REST API's base URL, without {@code /v1}. */
    @WithDefault("https://taskrouter.twilio.com")
    URI apiBaseUrl();

    /** Whether callbacks must carry a valid {@code X-Twilio-Signature}; off only for local experiments. */
    @WithDefault("true")
    boolean validateSignature();
}
