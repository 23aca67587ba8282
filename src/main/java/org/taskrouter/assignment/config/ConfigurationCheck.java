package org.taskrouter.assignment.config;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.taskrouter.assignment.twilio.SidFormat;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with a malformed value, naming the variable: a SID with the wrong prefix would otherwise
 * surface much later as a puzzling 404 from TaskRouter. Absent values are fine; they are reported when needed.
 */
@Singleton
public class ConfigurationCheck {

    void check(@Observes StartupEvent startup, TwilioConfig twilio, PublicUrlConfig publicUrl) {
        sid(twilio.accountSid(), "AC", "TWILIO_ACCOUNT_SID");
        sid(twilio.workspaceSid(), "WS", "TWILIO_WORKSPACE_SID");
        sid(twilio.workflowSid(), "WW", "TWILIO_WORKFLOW_SID");
        sid(twilio.workerAliceSid(), "WK", "TWILIO_WORKER_ALICE_SID");
        sid(twilio.workerBobSid(), "WK", "TWILIO_WORKER_BOB_SID");
        sid(twilio.postWorkerActivity(), "WA", "TWILIO_POST_WORKER_ACTIVITY");
        sid(twilio.apiKeySid(), "SK", "TWILIO_API_KEY_SID");
        if (twilio.apiKeySid().isPresent() != twilio.apiKeySecret().isPresent()) {
            throw new InvalidConfigurationException(
                    "TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET must be set together");
        }
        twilio.callerId().ifPresent(number -> {
            if (!number.matches("\\+[1-9][0-9]{6,14}|client:[A-Za-z0-9_.-]+")) {
                throw new InvalidConfigurationException(
                        "TWILIO_CALLER_ID must be a phone number in E.164 form, e.g. +15005550006");
            }
        });
        url(Optional.of(twilio.apiBaseUrl()), "TWILIO_API_BASE_URL");
        url(publicUrl.baseUrl(), "PUBLIC_BASE_URL");
        publicUrl.baseUrl().ifPresent(base -> {
            if (base.getRawQuery() != null || base.getRawFragment() != null) {
                throw new InvalidConfigurationException("PUBLIC_BASE_URL must not have a query or fragment");
            }
        });
    }

    private static void sid(Optional<String> value, String prefix, String variable) {
        value.ifPresent(sid -> {
            if (!SidFormat.isSid(sid, prefix)) {
                throw new InvalidConfigurationException(variable + " must be a SID: " + prefix
                        + " followed by 32 hexadecimal digits (got " + sid.length() + " characters starting with '"
                        + sid.substring(0, Math.min(2, sid.length())) + "')");
            }
        });
    }

    private static void url(Optional<URI> value, String variable) {
        value.ifPresent(uri -> {
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidConfigurationException(variable + " must be an http(s) URL with a host, e.g. "
                        + ("PUBLIC_BASE_URL".equals(variable) ? "https://abc123.ngrok.app"
                                : "https://taskrouter.twilio.com"));
            }
        });
    }
}
