package org.taskrouter.assignment.logging;

import java.util.List;

import org.jboss.logging.MDC;

/**
 * The SIDs a log line is about, as fields of its own: {@code taskSid}, {@code reservationSid} and
 * {@code workerSid} in the JSON log's {@code mdc} object, so that a log search can ask for one Task's story. On a
 * Vert.x request they live in the request's context (Quarkus' MDC provider), so they end with the request.
 */
public final class SidFields {

    public static final String TASK = "taskSid";
    public static final String RESERVATION = "reservationSid";
    public static final String WORKER = "workerSid";
    static final List<String> ALL = List.of(TASK, RESERVATION, WORKER);

    private SidFields() {
    }

    /** Sets {@code field} for what this request logs from now on; a null {@code sid} leaves it as it is. */
    public static void put(String field, String sid) {
        if (sid != null) {
            MDC.put(field, sid);
        }
    }

    /** Forgets every SID field of this request. */
    public static void clear() {
        for (String field : ALL) {
            MDC.remove(field);
        }
    }

    /** Runs {@code log} with these SIDs as fields (each null when unknown), then forgets them. */
    public static void around(String taskSid, String reservationSid, String workerSid, Runnable log) {
        put(TASK, taskSid);
        put(RESERVATION, reservationSid);
        put(WORKER, workerSid);
        try {
            log.run();
        } finally {
            clear();
        }
    }
}
