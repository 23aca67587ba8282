package org.taskrouter.assignment.operator;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.taskrouter.assignment.error.ErrorBody;
import org.taskrouter.assignment.error.ErrorMappers;

/** The Task is completed; the answer says so first, then why its Worker stayed where it was. */
public class WorkerNotMovedMapper {

    @ServerExceptionMapper
    public RestResponse<ErrorBody> workerNotMoved(WorkerNotMovedException e) {
        return ErrorMappers.taskRouterRefusal(e.refusal(), e.getMessage() + ": ");
    }
}
