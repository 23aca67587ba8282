package org.taskrouter.assignment.callback;

import java.util.List;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code callbacks_total}: every answer to a TaskRouter callback, by {@code kind} (assignment, event),
 * {@code outcome} (answered, signature_refused, bad_request, unavailable) and {@code instruction} (accept, reject,
 * dequeue, defer; none for events and refusals). The counters exist from the start, so that a rate is 0 rather
 * than absent, and are found by index: nothing is allocated on the callback path.
 */
@Singleton
public class CallbackMetrics {

    static final List<String> KINDS = List.of("assignment", "event");
    static final List<String> OUTCOMES = List.of("answered", "signature_refused", "bad_request", "unavailable");
    static final List<String> INSTRUCTIONS = List.of("accept", "reject", "dequeue", "defer", "none");

    private final Counter[][][] counters = new Counter[KINDS.size()][OUTCOMES.size()][INSTRUCTIONS.size()];

    CallbackMetrics(MeterRegistry registry) {
        for (int kind = 0; kind < KINDS.size(); kind++) {
            for (int outcome = 0; outcome < OUTCOMES.size(); outcome++) {
                for (int instruction = 0; instruction < INSTRUCTIONS.size(); instruction++) {
                    counters[kind][outcome][instruction] = Counter.builder("callbacks")
                            .description("Answers to TaskRouter's assignment and event callbacks")
                            .tag("kind", KINDS.get(kind)).tag("outcome", OUTCOMES.get(outcome))
                            .tag("instruction", INSTRUCTIONS.get(instruction)).register(registry);
                }
            }
        }
    }

    /** Counts the answer a callback resource gave, or the error its failure was mapped to. */
    @ServerResponseFilter
    @CountedCallback
    public void count(SimpleResourceInfo resource, ContainerResponseContext response) {
        // the matched resource, not the request's path: reading that would build a URI per callback
        int kind = resource.getResourceClass() == AssignmentCallbackResource.class ? 0 : 1;
        int instruction = response.getEntity() instanceof Instruction answer
                ? INSTRUCTIONS.indexOf(answer.name())
                : INSTRUCTIONS.size() - 1;
        counters[kind][outcome(response.getStatus())][instruction].increment();
    }

    private static int outcome(int status) {
        if (status < 300) {
            return 0;
        }
        if (status == 403) {
            return 1;
        }
        return status < 500 ? 2 : 3;
    }
}
