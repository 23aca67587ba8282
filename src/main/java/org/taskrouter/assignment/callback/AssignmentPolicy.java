package org.taskrouter.assignment.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import org.taskrouter.assignment.config.AssignmentConfig;
import org.taskrouter.assignment.config.InvalidConfigurationException;
import org.taskrouter.assignment.config.TwilioConfig;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Picks the answer to an assignment callback from configuration only: the same callback always gets the same
 * answer (TaskRouter may retry it), and answering never waits on anything. Rules and answers are built once.
 */
@Singleton
@Startup
public class AssignmentPolicy {

    private final List<Rule> rules;
    private final Instruction fallback;
    private final AttributesReader attributes;

    public AssignmentPolicy(AssignmentConfig config, TwilioConfig twilio, AttributesReader attributes) {
        this.attributes = attributes;
        List<Rule> built = new ArrayList<>();
        List<AssignmentConfig.Rule> configured = config.rules().orElse(List.of());
        for (int i = 0; i < configured.size(); i++) {
            AssignmentConfig.Rule rule = configured.get(i);
            String where = "assignment.rules[" + i + "]";
            if (rule.attribute().isPresent() != rule.equalTo().isPresent()) {
                throw new InvalidConfigurationException(where + ": attribute and equal-to go together");
            }
            built.add(new Rule(rule.taskQueueSid(),
                    rule.attribute().map(path -> path.split("\\.")),
                    rule.equalTo(),
                    instruction(rule.instruction(), rule.activitySid(), twilio, where + ".instruction")));
        }
        this.rules = List.copyOf(built);
        this.fallback = instruction(config.instruction(), config.rejectActivitySid(), twilio, "ASSIGNMENT_INSTRUCTION");
    }

    /** The answer to {@code callback}. */
    public Instruction decide(AssignmentCallback callback) {
        // read once, and only when a rule looks inside: most policies never do
        JsonNode taskAttributes = null;
        for (Rule rule : rules) {
            if (taskAttributes == null && rule.attributePath().isPresent()) {
                taskAttributes = attributes.tree(callback.taskAttributes());
            }
            if (rule.matches(callback, taskAttributes)) {
                return rule.answer();
            }
        }
        return fallback;
    }

    private static Instruction instruction(String name, Optional<String> activitySid, TwilioConfig twilio,
            String setting) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "defer" -> new Instruction.Defer();
            case "accept" -> new Instruction.Accept();
            case "reject" -> new Instruction.Reject(activitySid.orElse(null));
            case "dequeue" -> new Instruction.Dequeue(
                    twilio.callerId().orElseThrow(() -> new InvalidConfigurationException(
                            setting + "=dequeue needs TWILIO_CALLER_ID")),
                    twilio.postWorkerActivity().orElseThrow(() -> new InvalidConfigurationException(
                            setting + "=dequeue needs TWILIO_POST_WORKER_ACTIVITY")));
            default -> throw new InvalidConfigurationException(
                    setting + " must be defer, accept, reject or dequeue, not '" + name + "'");
        };
    }

    private record Rule(Optional<String> taskQueueSid, Optional<String[]> attributePath, Optional<String> equalTo,
            Instruction answer) {

        boolean matches(AssignmentCallback callback, JsonNode taskAttributes) {
            if (taskQueueSid.isPresent() && !taskQueueSid.get().equals(callback.taskQueueSid())) {
                return false;
            }
            if (attributePath.isEmpty()) {
                return true;
            }
            JsonNode node = taskAttributes;
            for (String step : attributePath.get()) {
                node = node == null ? null : node.get(step);
            }
            if (node == null || node.isNull()) {
                return false;
            }
            String text = node.isValueNode() ? node.asText() : node.toString();
            return text.equals(equalTo.get());
        }
    }
}
