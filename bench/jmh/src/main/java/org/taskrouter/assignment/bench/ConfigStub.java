package org.taskrouter.assignment.bench;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code @ConfigMapping} interface answered from a map, so that the benchmarks build the callback's beans as
 * CDI would, without starting Quarkus: a method named in {@code values} returns its value, any other
 * {@code Optional} method returns empty.
 */
final class ConfigStub {

    private ConfigStub() {
    }

    static <T> T of(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getReturnType() == Optional.class) {
                        return Optional.empty();
                    }
                    throw new IllegalStateException("the benchmark sets no value for " + method.getName());
                }));
    }
}
