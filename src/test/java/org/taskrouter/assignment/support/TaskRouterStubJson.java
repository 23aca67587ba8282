package org.taskrouter.assignment.support;

/** TaskRouter answers in the shapes of the official OpenAPI file, for WireMock stubs. */
public final class TaskRouterStubJson {

    public static final String WORKSPACE = "WS00000000000000000000000000000000";
    public static final String WORKSPACE_PATH = "/v1/Workspaces/" + WORKSPACE;
    public static final String WORKFLOW = "WW00000000000000000000000000000000";
    public static final String TASK = "WT00000000000000000000000000000001";
    public static final String RESERVATION = "WR00000000000000000000000000000001";
    public static final String ALICE = "WK0000000000000000000000000000a11c";
    public static final String BOB = "WK00000000000000000000000000000b0b";
    public static final String IDLE = "WA00000000000000000000000000000002";

    private TaskRouterStubJson() {
    }

    public static String task(String sid, String status, String attributesJson) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","age":25200,"assignment_status":"%s",
                 "attributes":%s,"date_created":"2014-05-14T18:50:02Z","date_updated":"2014-05-15T07:26:06Z",
                 "priority":0,"reason":null,"sid":"%s","task_queue_sid":"WQ00000000000000000000000000000001",
                 "task_queue_friendly_name":"Customer Care Requests - Spanish","task_channel_unique_name":"default",
                 "timeout":86400,"workflow_sid":"%s","workflow_friendly_name":"Customer Care Workflow",
                 "workspace_sid":"%s","url":"https://taskrouter.twilio.com/v1/Workspaces/%s/Tasks/%s","links":{}}
                """.formatted(status, quote(attributesJson), sid, WORKFLOW, WORKSPACE, WORKSPACE, sid);
    }

    public static String reservation(String sid, String taskSid, String workerSid, String status) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","date_created":"2014-05-14T10:50:02Z",
                 "date_updated":"2014-05-15T16:03:42Z","reservation_status":"%s","sid":"%s","task_sid":"%s",
                 "worker_name":"Alice","worker_sid":"%s","workspace_sid":"%s","url":"https://x","links":{}}
                """.formatted(status, sid, taskSid, workerSid, WORKSPACE);
    }

    public static String worker(String sid, String name, String activitySid, String activityName, boolean available) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","activity_name":"%s","activity_sid":"%s",
                 "attributes":"{\\"languages\\":[\\"en\\"]}","available":%s,"date_created":"2014-05-14T10:50:02Z",
                 "date_status_changed":"2014-05-14T10:50:02Z","date_updated":"2014-05-14T10:50:02Z",
                 "friendly_name":"%s","sid":"%s","workspace_sid":"%s","url":"https://x","links":{}}
                """.formatted(activityName, activitySid, available, name, sid, WORKSPACE);
    }

    public static String activity(String sid, String name, boolean available) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","available":%s,"date_created":"2014-05-14T10:50:02Z",
                 "date_updated":"2014-05-14T10:50:02Z","friendly_name":"%s","sid":"%s","workspace_sid":"%s",
                 "url":"https://x","links":{}}
                """.formatted(available, name, sid, WORKSPACE);
    }

    public static String taskQueue(String sid, String name, String targetWorkers) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","assignment_activity_sid":null,
                 "assignment_activity_name":null,"date_created":"2014-05-14T10:50:02Z",
                 "date_updated":"2014-05-14T10:50:02Z","friendly_name":"%s","max_reserved_workers":1,
                 "reservation_activity_sid":null,"reservation_activity_name":null,"sid":"%s",
                 "target_workers":%s,"task_order":"FIFO","workspace_sid":"%s","url":"https://x","links":{}}
                """.formatted(name, sid, quote(targetWorkers), WORKSPACE);
    }

    public static String workflow(String sid, String name, String assignmentCallbackUrl) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","assignment_callback_url":"%s",
                 "configuration":"{\\"task_routing\\":{\\"filters\\":[]}}","date_created":"2014-05-14T10:50:02Z",
                 "date_updated":"2014-05-14T10:50:02Z","document_content_type":"application/json",
                 "fallback_assignment_callback_url":null,"friendly_name":"%s","sid":"%s",
                 "task_reservation_timeout":120,"workspace_sid":"%s","url":"https://x","links":{}}
                """.formatted(assignmentCallbackUrl, name, sid, WORKSPACE);
    }

    public static String workspace(String eventCallbackUrl, String timeoutActivitySid) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","date_created":"2014-05-14T10:50:02Z",
                 "date_updated":"2014-05-14T10:50:02Z","default_activity_name":"Offline","default_activity_sid":"%s",
                 "event_callback_url":"%s","events_filter":null,"friendly_name":"TaskRouter Quickstart",
                 "multi_task_enabled":true,"sid":"%s","timeout_activity_name":"Offline","timeout_activity_sid":"%s",
                 "prioritize_queue_order":"FIFO","url":"https://x","links":{}}
                """.formatted(timeoutActivitySid, eventCallbackUrl, WORKSPACE, timeoutActivitySid);
    }

    /** A TaskQueue's RealTimeStatistics, every field of {@code task_queue_real_time_statistics}. */
    public static String taskQueueStatistics(String queueSid, int pending, int reserved, long longestWait,
            int available, int eligible) {
        return """
                {"account_sid":"AC00000000000000000000000000000000","activity_statistics":[],
                 "longest_task_waiting_age":%d,"longest_task_waiting_sid":null,
                 "longest_relative_task_age_in_queue":%d,"longest_relative_task_sid_in_queue":null,
                 "task_queue_sid":"%s","tasks_by_priority":{},
                 "tasks_by_status":{"pending":%d,"reserved":%d,"assigned":0,"wrapping":0},
                 "total_available_workers":%d,"total_eligible_workers":%d,"total_tasks":%d,
                 "workspace_sid":"%s","url":"https://x"}
                """.formatted(longestWait, longestWait, queueSid, pending, reserved, available, eligible,
                pending + reserved, WORKSPACE);
    }

    /** A list answer; {@code nextPageUrl} null on the last page. */
    public static String page(String key, String nextPageUrl, String... items) {
        return """
                {"%s":[%s],"meta":{"first_page_url":"https://taskrouter.twilio.com/v1/x?PageSize=1000&Page=0",
                 "key":"%s","next_page_url":%s,"page":0,"page_size":1000,"previous_page_url":null,
                 "url":"https://taskrouter.twilio.com/v1/x"}}
                """.formatted(key, String.join(",", items), key,
                nextPageUrl == null ? "null" : "\"" + nextPageUrl + "\"");
    }

    public static String error(int code, String message, int status) {
        return """
                {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}
                """.formatted(code, message, code, status);
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
