package org.taskrouter.assignment.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpServerRequest;

class PublicUrlTest {

    /** A request as the service sees it behind a proxy: plain http on an inner host. */
    private static HttpServerRequest request(Map<String, String> headers) {
        return (HttpServerRequest) Proxy.newProxyInstance(PublicUrlTest.class.getClassLoader(),
                new Class<?>[] { HttpServerRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "uri" -> "/assignment_callback?x=1";
                    case "scheme" -> "http";
                    case "absoluteURI" -> "http://10.0.0.7:8080/assignment_callback?x=1";
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void usesTheConfiguredBaseUrl() {
        assertEquals("https://abc123.ngrok.app/assignment_callback?x=1",
                new PublicUrl(Optional.of(URI.create("https://abc123.ngrok.app/")), false).of(request(Map.of())));
    }

    @Test
    void ignoresForwardedHeadersUnlessTrusted() {
        assertEquals("http://10.0.0.7:8080/assignment_callback?x=1", new PublicUrl(Optional.empty(), false)
                .of(request(Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"))));
    }

    @Test
    void rebuildsTheUrlFromAllForwardedHeaders() {
        assertEquals("https://cc.example.com:8443/tr/assignment_callback?x=1", new PublicUrl(Optional.empty(), true)
                .of(request(Map.of("X-Forwarded-Host", "cc.example.com", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/tr/"))));
    }

    @Test
    void keepsTheHostHeaderWhenTheProxyForwardsOnlyTheScheme() {
        // AWS ALB, Cloud Run, Fly, Heroku: Host is kept, only the scheme (and port) are forwarded
        assertEquals("https://cc.example.com/assignment_callback?x=1", new PublicUrl(Optional.empty(), true)
                .of(request(Map.of("Host", "cc.example.com", "X-Forwarded-Proto", "https"))));
    }

    @Test
    void givesTheBaseForProvisioningAndSaysWhetherItIsThePublicOne() {
        assertEquals(new PublicUrl.Base("https://abc123.ngrok.app", true),
                new PublicUrl(Optional.of(URI.create("https://abc123.ngrok.app/")), false).base(request(Map.of())));
        assertEquals(new PublicUrl.Base("http://10.0.0.7:8080", false),
                new PublicUrl(Optional.empty(), false).base(request(Map.of())));
    }

    @Test
    void takesTheClientFacingHopOfAProxyChain() {
        assertEquals("https://cc.example.com/assignment_callback?x=1", new PublicUrl(Optional.empty(), true)
                .of(request(Map.of("X-Forwarded-Host", "cc.example.com, inner.local", "X-Forwarded-Proto", "https, http"))));
    }
}
