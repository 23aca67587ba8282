package org.taskrouter.assignment.signature;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature: base64(HMAC-SHA1(auth token, URL + each POST parameter sorted by name, as
 * name + value)). Plain Java so that it can be tested without Quarkus and used by the simulator to sign.
 *
 * <p>One instance per auth token. {@link Mac} is not thread-safe and costly to create, so each thread keeps
 * its own, keyed once: the callback path computes a signature per request without allocating a new MAC.
 */
public final class TwilioSignature {

    private static final String ALGORITHM = "HmacSHA1";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macPerThread;

    public TwilioSignature(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        if (authToken.isEmpty()) {
            throw new IllegalArgumentException("the auth token is empty");
        }
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macPerThread = ThreadLocal.withInitial(this::newMac);
    }

    /** The signature Twilio sends for a POST of {@code params} to {@code url}. */
    public String sign(String url, Map<String, List<String>> params) {
        Mac mac = macPerThread.get();
        // a signature abandoned half-way on this thread (an exception) must not leak into this one
        mac.reset();
        mac.update(url.getBytes(StandardCharsets.UTF_8));
        // Parameter names sort by UTF-16 code units, as Twilio's own libraries do; repeated names by value.
        for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
            byte[] name = param.getKey().getBytes(StandardCharsets.UTF_8);
            List<String> values = param.getValue();
            if (values.size() > 1) {
                values = new ArrayList<>(values);
                values.sort(null);
            }
            for (String value : values) {
                mac.update(name);
                mac.update(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /**
     * Whether {@code signature} is Twilio's signature of {@code params} posted to {@code url}. Twilio may or may
     * not have included the scheme's default port in the URL it signed, so both spellings are tried. The
     * comparison takes the same time wherever the first differing byte is.
     */
    public boolean matches(String signature, String url, Map<String, List<String>> params) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] expected = signature.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String candidate : urlSpellings(url)) {
            // No early exit: every spelling is checked, so timing does not tell which one matched.
            matched |= MessageDigest.isEqual(expected, sign(candidate, params).getBytes(StandardCharsets.UTF_8));
        }
        return matched;
    }

    /** The URL as given, and the same URL with its default port added or removed. */
    static List<String> urlSpellings(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return List.of(url);
        }
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443
                : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
        if (defaultPort < 0 || uri.getRawAuthority() == null || uri.getHost() == null) {
            return List.of(url);
        }
        String authority = uri.getRawAuthority();
        String prefix = uri.getScheme() + "://";
        int at = url.indexOf(authority, prefix.length() - 1);
        if (at < 0) {
            return List.of(url);
        }
        String rest = url.substring(at + authority.length());
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String host = uri.getHost();
        String head = url.substring(0, at) + userInfo + host;
        if (uri.getPort() == -1) {
            return List.of(url, head + ":" + defaultPort + rest);
        }
        if (uri.getPort() == defaultPort) {
            return List.of(url, head + rest);
        }
        return List.of(url);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this runtime", e);
        }
    }
}
