package org.taskrouter.assignment.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.taskrouter.assignment.callback.AssignmentCallback;
import org.taskrouter.assignment.callback.AssignmentPolicy;
import org.taskrouter.assignment.callback.AttributesReader;
import org.taskrouter.assignment.callback.CallbackForm;
import org.taskrouter.assignment.config.AssignmentConfig;
import org.taskrouter.assignment.config.TwilioConfig;
import org.taskrouter.assignment.signature.TwilioSignature;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The signed assignment callback's steps, each on its own and all together, without HTTP: what the service adds
 * to the stack's own cost (bench/callbacks.sh measures that whole, with the no-op endpoint beside it). The body
 * is the one bench/signed-callback.sh posts; the URL is checked as Twilio signed it, and in the other default-port
 * spelling ({@code :443}), which is the slower path: the first spelling tried fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class CallbackPathBenchmarks {

    private static final String TOKEN = "bench-token";
    private static final String URL = "https://bench.example/assignment_callback";

    private String body;
    private String signatureAsSigned;
    private String signatureOfTheOtherSpelling;
    private Map<String, List<String>> params;
    private TwilioSignature signature;
    private AttributesReader attributes;
    private AssignmentPolicy acceptAll;
    private AssignmentPolicy bySelectedLanguage;

    @Setup
    public void prepare() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("WorkspaceSid", "WS00000000000000000000000000000000");
        form.put("WorkflowSid", "WW00000000000000000000000000000000");
        form.put("TaskQueueSid", "WQ00000000000000000000000000000001");
        form.put("WorkerSid", "WK0000000000000000000000000000a11c");
        form.put("WorkerAttributes", "{\"languages\":[\"en\",\"es\"]}");
        form.put("TaskSid", "WT00000000000000000000000000000001");
        form.put("TaskAttributes", "{\"selected_language\":\"es\"}");
        form.put("TaskAge", "3");
        form.put("TaskPriority", "0");
        form.put("ReservationSid", "WR00000000000000000000000000000001");
        form.put("Timestamp", "1732492800");
        body = new TreeMap<>(form).entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        params = CallbackForm.parse(body).params();
        signature = new TwilioSignature(TOKEN);
        signatureAsSigned = signature.sign(URL, params);
        signatureOfTheOtherSpelling = signature.sign("https://bench.example:443/assignment_callback", params);
        attributes = new AttributesReader(new ObjectMapper());
        TwilioConfig twilio = ConfigStub.of(TwilioConfig.class, Map.of());
        acceptAll = new AssignmentPolicy(ConfigStub.of(AssignmentConfig.class, Map.of("instruction", "accept")),
                twilio, attributes);
        AssignmentConfig.Rule spanish = ConfigStub.of(AssignmentConfig.Rule.class, Map.of(
                "attribute", Optional.of("selected_language"), "equalTo", Optional.of("es"),
                "instruction", "accept"));
        bySelectedLanguage = new AssignmentPolicy(ConfigStub.of(AssignmentConfig.class, Map.of(
                "instruction", "defer", "rules", Optional.of(List.of(spanish)))), twilio, attributes);
        if (!signature.matches(signatureAsSigned, URL, params)
                || !signature.matches(signatureOfTheOtherSpelling, URL, params)
                || !new String(wholeCallback(), StandardCharsets.UTF_8).contains("accept")
                || !new String(wholeCallbackReadingAnAttribute(), StandardCharsets.UTF_8).contains("accept")) {
            throw new IllegalStateException("the benchmark's callback is not what the service accepts");
        }
    }

    @Benchmark
    public CallbackForm formDecoding() {
        return CallbackForm.parse(body);
    }

    @Benchmark
    public boolean signatureAsTwilioSignedIt() {
        return signature.matches(signatureAsSigned, URL, params);
    }

    @Benchmark
    public boolean signatureInTheOtherPortSpelling() {
        return signature.matches(signatureOfTheOtherSpelling, URL, params);
    }

    @Benchmark
    public String attributesCheck() {
        return attributes.check("TaskAttributes", "{\"selected_language\":\"es\"}");
    }

    @Benchmark
    public AssignmentCallback callbackParameters() {
        return AssignmentCallback.from(CallbackForm.parse(body), attributes);
    }

    /** Everything the callback's resource does but the feed's event and the debug line: form, signature, answer. */
    @Benchmark
    public byte[] wholeCallback() {
        return answer(acceptAll);
    }

    /** The same with a rule that reads {@code selected_language}: the attributes become a tree. */
    @Benchmark
    public byte[] wholeCallbackReadingAnAttribute() {
        return answer(bySelectedLanguage);
    }

    private byte[] answer(AssignmentPolicy policy) {
        CallbackForm form = CallbackForm.parse(body);
        if (!signature.matches(signatureAsSigned, URL, form.params())) {
            throw new IllegalStateException("refused");
        }
        return policy.decide(AssignmentCallback.from(form, attributes)).bytes();
    }
}
