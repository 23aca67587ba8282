package org.taskrouter.assignment.simulator;

/** A request the simulator refuses the way TaskRouter would: an HTTP status and a Twilio error code. */
public final class TwilioApiException extends RuntimeException {

    private final transient TwilioErrorBody error;

    private TwilioApiException(TwilioErrorBody error) {
        // Expected outcomes of bad requests: no stack trace to fill or log.
        super(error.message(), null, false, false);
        this.error = error;
    }

    /** The error body to answer with. */
    public TwilioErrorBody error() {
        return error;
    }

    /** 400, code 20001: a bad parameter value or an illegal state change. */
    public static TwilioApiException badRequest(String message) {
        return new TwilioApiException(TwilioErrorBody.of(400, 20001, message));
    }

    /** 401, code 20003: missing or wrong credentials. */
    public static TwilioApiException unauthorized() {
        return new TwilioApiException(TwilioErrorBody.of(401, 20003, "Authenticate"));
    }

    /** 404, code 20404, naming the resource path below {@code /v1}. */
    public static TwilioApiException notFound(String resourcePath) {
        return new TwilioApiException(TwilioErrorBody.of(404, 20404,
                "The requested resource " + resourcePath + " was not found"));
    }

    /** 412, code 20001: the {@code If-Match} header names another version. */
    public static TwilioApiException preconditionFailed(String message) {
        return new TwilioApiException(TwilioErrorBody.of(412, 20001, message));
    }
}
