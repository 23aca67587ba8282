package org.taskrouter.assignment.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which instruction the service answers assignment callbacks with. */
@ConfigMapping(prefix = "assignment")
public interface AssignmentConfig {

    /** The answer when no rule matches ({@code ASSIGNMENT_INSTRUCTION}): defer, accept, reject or dequeue. */
    @WithDefault("defer")
    String instruction();

    /** The Activity a Worker moves to when the default answer is reject; absent, TaskRouter keeps its Activity. */
    Optional<String> rejectActivitySid();

    /** Rules tried in order before the default; the first whose conditions all hold gives the answer. */
    Optional<List<Rule>> rules();

    /** One rule: conditions on the callback, and the answer when they hold. */
    interface Rule {

        /** The TaskQueue ({@code WQ…}) the Task must be in. */
        Optional<String> taskQueueSid();

        /** A dotted path into the Task's attributes, e.g. {@code selected_language} or {@code customer.tier}. */
        Optional<String> attribute();

        /** The value the attribute must have, compared as text; required with {@link #attribute()}. */
        Optional<String> equalTo();

        /** The answer: defer, accept, reject or dequeue. */
        String instruction();

        /** The Activity for a reject answer. */
        Optional<String> activitySid();
    }
}
