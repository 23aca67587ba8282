package org.taskrouter.assignment.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile that only sets a few properties: a subclass names them in its no-argument constructor, as
 * {@code super("feed.catch-up", "PT15M")}, key and value in turn.
 */
public abstract class ConfigOverrides implements QuarkusTestProfile {

    private final Map<String, String> overrides = new LinkedHashMap<>();

    protected ConfigOverrides(String... keysAndValues) {
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides;
    }
}
