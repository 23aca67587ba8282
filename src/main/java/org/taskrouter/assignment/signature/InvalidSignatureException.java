package org.taskrouter.assignment.signature;

/** A callback without a valid {@code X-Twilio-Signature}: answered 403 and otherwise ignored. */
public final class InvalidSignatureException extends RuntimeException {

    public InvalidSignatureException(String message) {
        super(message, null, false, false);
    }
}
