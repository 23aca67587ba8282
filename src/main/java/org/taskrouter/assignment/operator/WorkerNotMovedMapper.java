package org.taskrouter.assignment.operator;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.taskrouter.assignment.error.ErrorBody;
import org.taskrouter.assignment.error.ErrorMappers;
import org.taskrouter.assignment.taskrouter.TaskRouterErrorMappers;
import org.taskrouter.assignment.taskrouter.TaskRouterException;

/**
 * The Task is completed; the answer says so first, then why its Worker stayed where it was, so that nobody
 * retries the completion itself.
 */
public class WorkerNotMovedMapper {

    @ServerExceptionMapper
    public RestResponse<ErrorBody> workerNotMoved(WorkerNotMovedException e) {
        if (e.getCause() instanceof TaskRouterException refusal) {
            return TaskRouterErrorMappers.taskRouterRefusal(refusal, e.getMessage() + ": ");
        }
        return ErrorMappers.answer(503, e.getMessage() + ": " + e.getCause().getMessage(), null);
    }
}
