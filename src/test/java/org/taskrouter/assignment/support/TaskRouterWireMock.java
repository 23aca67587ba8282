package org.taskrouter.assignment.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake TaskRouter REST API on a dynamic loopback port; the service's REST client is pointed at it. With the init
 * argument {@value #EVENTS_LOG} (a class-path resource), it serves that page of the Workspace's event log from the
 * start, before the service asks for it at start-up.
 */
public class TaskRouterWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String EVENTS_LOG = "events-log";

    private WireMockServer server;
    private String eventsLog;

    @Override
    public void init(Map<String, String> initArgs) {
        eventsLog = initArgs.get(EVENTS_LOG);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        if (eventsLog != null) {
            server.stubFor(get(urlPathMatching("/v1/Workspaces/WS[0-9a-f]{32}/Events")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(resource(eventsLog))));
        }
        return Map.of("quarkus.rest-client.taskrouter.url", server.baseUrl());
    }

    private static String resource(String name) {
        try (InputStream in = TaskRouterWireMock.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
