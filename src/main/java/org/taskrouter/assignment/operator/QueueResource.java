package org.taskrouter.assignment.operator;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.taskrouter.assignment.taskrouter.TaskQueue;
import org.taskrouter.assignment.taskrouter.TaskRouterClient;

import io.smallrye.mutiny.Uni;

/**
 * {@code GET /api/queues}: each TaskQueue with TaskRouter's RealTimeStatistics. One reading serves every caller
 * for {@link QueueConfig#cache()}, callers arriving while it is under way included; a failed reading is not kept.
 */
@Path("/api/queues")
@Singleton
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "operator")
public class QueueResource {

    /** How many TaskQueues' statistics are read at the same time. */
    static final int STATISTICS_AT_ONCE = 4;

    private record Reading(long startedNanos, Uni<List<QueueSummary>> answer) {
    }

    private final TaskRouterClient taskRouter;
    private final long cacheNanos;
    private final AtomicReference<Reading> current = new AtomicReference<>();

    public QueueResource(TaskRouterClient taskRouter, QueueConfig config) {
        this.taskRouter = taskRouter;
        this.cacheNanos = config.cache().toNanos();
    }

    @GET
    @Operation(summary = "List the TaskQueues with their waiting Tasks, longest wait and available Workers")
    @APIResponse(responseCode = "200", description = "One object per TaskQueue")
    @APIResponse(responseCode = "503", description = "TaskRouter is not configured or unavailable")
    public Uni<List<QueueSummary>> list() {
        long now = System.nanoTime();
        Reading reading = current.get();
        if (reading != null && now - reading.startedNanos() < cacheNanos) {
            return reading.answer();
        }
        Reading[] fresh = new Reading[1];
        Uni<List<QueueSummary>> answer = Uni.createFrom().deferred(this::read)
                .onFailure().invoke(failure -> current.compareAndSet(fresh[0], null))
                .memoize().indefinitely();
        fresh[0] = new Reading(now, answer);
        current.set(fresh[0]);
        return answer;
    }

    private Uni<List<QueueSummary>> read() {
        return taskRouter.listTaskQueues().flatMap(queues -> {
            if (queues.isEmpty()) {
                return Uni.createFrom().item(List.<QueueSummary>of());
            }
            // a few at a time, as the Reservation lists are; the answer keeps TaskRouter's order
            return Uni.join().all(queues.stream().map(this::summary).toList())
                    .usingConcurrencyOf(STATISTICS_AT_ONCE).andFailFast();
        });
    }

    private Uni<QueueSummary> summary(TaskQueue queue) {
        return taskRouter.taskQueueStatistics(queue.sid()).map(figures -> QueueSummary.of(queue, figures));
    }
}
