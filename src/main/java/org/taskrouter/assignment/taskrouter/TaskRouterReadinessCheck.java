package org.taskrouter.assignment.taskrouter;

import java.time.Instant;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.taskrouter.assignment.config.TaskRouterHealthConfig;
import org.taskrouter.assignment.config.TwilioConfig;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness {@code taskrouter}: this replica's credentials open its Workspace ({@code GET /Workspaces/{Sid}}, read
 * at most once per {@code taskrouter.health.cache}, never on the callback path). DOWN, in words and without any
 * secret, when TaskRouter is not configured, refuses the credentials (401/403) or has no such Workspace (404):
 * a replica so configured must not take traffic. An outage of TaskRouter's REST API (unreachable, a 5xx, a 429,
 * no answer in {@code taskrouter.health.timeout}) is DOWN only until the credentials have been proven once: after
 * that the check stays UP and names the outage, because callbacks do not need the REST API, and taking every
 * replica out of the load balancer would turn TaskRouter's partial outage into this service's full one.
 */
@Readiness
@ApplicationScoped
public class TaskRouterReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "taskrouter";

    private final TaskRouterClient client;
    private final TaskRouterHealthConfig config;
    private final String workspaceSid;
    private final Uni<HealthCheckResponse> reading;
    private volatile Instant provenAt;

    TaskRouterReadinessCheck(TaskRouterClient client, TaskRouterHealthConfig config, TwilioConfig twilio) {
        this.client = client;
        this.config = config;
        this.workspaceSid = twilio.workspaceSid().orElse("(none)");
        this.reading = Uni.createFrom().deferred(this::read).memoize().atLeast(config.cache());
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!config.enabled()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up().withData("checked", false).build());
        }
        return reading;
    }

    private Uni<HealthCheckResponse> read() {
        Uni<Workspace> workspace;
        try {
            workspace = client.fetchWorkspaceOnce();
        } catch (TaskRouterNotConfiguredException notConfigured) {
            return Uni.createFrom().item(down(notConfigured.getMessage()));
        }
        return workspace.ifNoItem().after(config.timeout()).failWith(TimeoutException::new)
                .map(this::up)
                .onFailure().recoverWithItem(this::describe);
    }

    private HealthCheckResponse up(Workspace workspace) {
        provenAt = Instant.now();
        return HealthCheckResponse.named(NAME).up().withData("workspace", workspaceSid)
                .withData("checkedAt", provenAt.toString()).build();
    }

    private HealthCheckResponse describe(Throwable failure) {
        if (failure instanceof TaskRouterException refused) {
            int status = refused.httpStatus();
            if (status == 401 || status == 403) {
                return down("TaskRouter refused the credentials (" + status + "): check TWILIO_ACCOUNT_SID and "
                        + "TWILIO_AUTH_TOKEN, or the API key");
            }
            if (status == 404) {
                return down("Workspace " + workspaceSid + " was not found (404): check TWILIO_WORKSPACE_SID");
            }
            return outage("TaskRouter answered " + status);
        }
        if (failure instanceof TimeoutException) {
            return outage("TaskRouter did not answer within " + config.timeout().toMillis() + " ms");
        }
        return outage("TaskRouter is unreachable: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + failure.getMessage()));
    }

    private HealthCheckResponse outage(String reason) {
        Instant proven = provenAt;
        if (proven == null) {
            return down(reason);
        }
        return HealthCheckResponse.named(NAME).up().withData("workspace", workspaceSid)
                .withData("outage", reason).withData("credentialsProvenAt", proven.toString()).build();
    }

    private HealthCheckResponse down(String reason) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).down().withData("reason", reason);
        return response.withData("workspace", workspaceSid).build();
    }
}
