package org.taskrouter.assignment.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The manifests the build generates, as {@code kubectl apply -f target/kubernetes/kubernetes.yml} would take them. */
class KubernetesManifestIT {

    static List<Map<String, Object>> resources = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("target", "kubernetes", "kubernetes.yml"))) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document != null) {
                    resources.add((Map<String, Object>) document);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            current = ((Map<String, Object>) current).get(step);
            assertNotNull(current, "missing " + String.join(".", path));
        }
        return (Map<String, Object>) current;
    }

    static Map<String, Object> resource(String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(map(r, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container() {
        List<Object> containers = (List<Object>) map(resource("Deployment", "taskrouter-assignment"), "spec",
                "template", "spec").get("containers");
        assertEquals(1, containers.size());
        return (Map<String, Object>) containers.get(0);
    }

    @Test
    void runsTwoReplicasGivenAtLeastThirtySecondsToStop() {
        Map<String, Object> deployment = resource("Deployment", "taskrouter-assignment");
        assertEquals(2, map(deployment, "spec").get("replicas"));
        assertEquals(30, map(deployment, "spec", "template", "spec").get("terminationGracePeriodSeconds"));
    }

    @Test
    void probesTheHealthEndpointsLivenessApartFromReadiness() {
        Map<String, Object> container = container();
        assertEquals("/q/health/live", map(container, "livenessProbe", "httpGet").get("path"));
        assertEquals("/q/health/ready", map(container, "readinessProbe", "httpGet").get("path"));
        assertEquals("/q/health/started", map(container, "startupProbe", "httpGet").get("path"));
        // longer than the taskrouter check's 3 s for a reading of the Workspace
        assertEquals(5, map(container, "readinessProbe").get("timeoutSeconds"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void takesEverySecretFromASecretAndBakesNoneIn() {
        Map<String, Object> container = container();
        List<Object> from = (List<Object>) container.get("envFrom");
        assertEquals("taskrouter-assignment", map(from.get(0), "secretRef").get("name"));
        String env = String.valueOf(container.get("env"));
        for (String secret : List.of("TWILIO_AUTH_TOKEN", "OPERATOR_TOKEN", "REDIS_URL", "TWILIO_API_KEY_SECRET")) {
            assertFalse(env.contains(secret), secret + " must come from the Secret, not the manifest: " + env);
        }
    }

    @Test
    void asksForTheMemoryTheNativeImageWasMeasuredToUse() {
        Map<String, Object> resourcesOfContainer = map(container(), "resources");
        assertEquals("128Mi", map(resourcesOfContainer, "requests").get("memory"));
        assertEquals("192Mi", map(resourcesOfContainer, "limits").get("memory"));
    }

    @Test
    void scalesOnCpuFromTwoReplicasAndShipsARedisToTryTheSharedFeed() {
        Map<String, Object> autoscaler = resource("HorizontalPodAutoscaler", "taskrouter-assignment");
        assertEquals(2, map(autoscaler, "spec").get("minReplicas"));
        assertEquals("taskrouter-assignment", map(autoscaler, "spec", "scaleTargetRef").get("name"));
        assertTrue(String.valueOf(map(resource("Deployment", "redis"), "spec", "template", "spec").get("containers"))
                .contains("redis:7"));
        assertEquals(6379, ((Map<?, ?>) ((List<?>) map(resource("Service", "redis"), "spec").get("ports")).get(0))
                .get("port"));
    }
}
