package org.taskrouter.assignment.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * A twilio-java {@link HttpClient} that sends every request the SDK builds to {@code http://localhost:<port>}
 * instead of Twilio's host: same method, path, query, form body, headers and the Basic auth header the SDK
 * computed. Hand it to {@code new TwilioRestClient.Builder(sid, token).httpClient(...)}.
 */
public class LocalTwilioHttpClient extends HttpClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(TIMEOUT).build();
    private final int port;

    public LocalTwilioHttpClient(int port) {
        this.port = port;
    }

    @Override
    public Response makeRequest(Request request) {
        // constructURL() is the SDK's own URL, query included and already encoded; only its origin is replaced.
        URL sdkUrl = request.constructURL();
        HttpRequest.Builder local = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sdkUrl.getFile()))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (request.requiresAuthentication()) {
            local.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> local.header(header.getKey(), value));
        }
        local.method(request.getMethod().toString(), body(request, local));
        try {
            HttpResponse<String> answer = http.send(local.build(), HttpResponse.BodyHandlers.ofString());
            Header[] headers = answer.headers().map().entrySet().stream()
                    .flatMap(h -> h.getValue().stream().map(value -> new BasicHeader(h.getKey(), value)))
                    .toArray(Header[]::new);
            return new Response(answer.body(), answer.statusCode(), headers);
        } catch (IOException e) {
            throw new ApiConnectionException("Could not reach " + sdkUrl.getPath() + " on localhost:" + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted calling " + sdkUrl.getPath(), e);
        }
    }

    /** The form body of a POST, as NetworkHttpClient encodes it; JSON where the SDK asked for JSON. */
    private static HttpRequest.BodyPublisher body(Request request, HttpRequest.Builder local) {
        if (request.getMethod() != HttpMethod.POST) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (request.getContentType() == EnumConstants.ContentType.JSON) {
            local.header("Content-Type", EnumConstants.ContentType.JSON.getValue());
            return HttpRequest.BodyPublishers.ofString(request.getBody());
        }
        local.header("Content-Type", EnumConstants.ContentType.FORM_URLENCODED.getValue());
        return HttpRequest.BodyPublishers.ofString(request.encodeFormBody());
    }
}
