package org.taskrouter.assignment.operator;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.taskrouter.assignment.logging.SidFields;
import org.taskrouter.assignment.twilio.SidFormat;

/**
 * Every line an operator call logs (a refusal, a conflict, TaskRouter's answer) carries the SIDs of its path as
 * fields. Only well-formed SIDs: the path is the caller's to choose, and a malformed one is refused anyway.
 */
@Singleton
public class OperatorLogFields {

    @ServerRequestFilter
    @OperatorOnly
    public void putPathSids(UriInfo uri) {
        putIfSid(SidFields.TASK, uri.getPathParameters().getFirst("taskSid"), "WT");
        putIfSid(SidFields.RESERVATION, uri.getPathParameters().getFirst("reservationSid"), "WR");
        putIfSid(SidFields.WORKER, uri.getPathParameters().getFirst("workerSid"), "WK");
    }

    @ServerResponseFilter
    @OperatorOnly
    public void forgetPathSids() {
        SidFields.clear();
    }

    private static void putIfSid(String field, String value, String prefix) {
        if (value != null && SidFormat.isSid(value, prefix)) {
            SidFields.put(field, value);
        }
    }
}
