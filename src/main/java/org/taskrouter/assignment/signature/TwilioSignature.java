package org.taskrouter.assignment.signature;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature: base64(HMAC-SHA1(auth token, URL + each POST parameter sorted by name, as
 * name + value)). Plain Java so that it can be tested without Quarkus and used by the simulator to sign.
 *
 * <p>One instance per auth token. {@link Mac} is not thread-safe and costly to create, so each thread keeps
 * its own, keyed once, with a scratch buffer for the bytes it is fed: the callback path checks a signature per
 * request, for two spellings of the URL, and sorts the parameters once, allocates no MAC and, for ASCII text
 * (which TaskRouter's parameters are, bar the odd attribute value), no bytes.
 */
public final class TwilioSignature {

    private static final String ALGORITHM = "HmacSHA1";
    /** Text longer than this is fed as its own bytes rather than through the scratch buffer, which stays small. */
    private static final int SCRATCH_BYTES = 4096;
    /** Callbacks come to two URLs; a bound, so that a query string per request cannot grow the cache. */
    private static final int SPELLINGS_CACHED = 64;

    private final SecretKeySpec key;
    private final ThreadLocal<Hasher> hasherPerThread;
    private final Map<String, List<String>> spellings = new ConcurrentHashMap<>();

    public TwilioSignature(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        if (authToken.isEmpty()) {
            throw new IllegalArgumentException("the auth token is empty");
        }
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.hasherPerThread = ThreadLocal.withInitial(() -> new Hasher(newMac()));
    }

    /** The signature Twilio sends for a POST of {@code params} to {@code url}. */
    public String sign(String url, Map<String, List<String>> params) {
        return Base64.getEncoder().encodeToString(hasherPerThread.get().digest(url, sorted(params)));
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
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String[] sorted = sorted(params);
        Hasher hasher = hasherPerThread.get();
        boolean matched = false;
        for (String candidate : spellingsOf(url)) {
            // No early exit: every spelling is checked, so timing does not tell which one matched.
            matched |= MessageDigest.isEqual(expected, hasher.digest(candidate, sorted));
        }
        return matched;
    }

    /**
     * Names and values in the order Twilio signs them, name and value alternating: names by UTF-16 code units, as
     * Twilio's own libraries sort them, a repeated name's values by value.
     */
    private static String[] sorted(Map<String, List<String>> params) {
        String[] names = params.keySet().toArray(new String[0]);
        Arrays.sort(names);
        int count = 0;
        for (List<String> values : params.values()) {
            count += values.size();
        }
        String[] sorted = new String[2 * count];
        int at = 0;
        for (String name : names) {
            List<String> values = params.get(name);
            if (values.size() > 1) {
                values = new ArrayList<>(values);
                values.sort(null);
            }
            for (String value : values) {
                sorted[at++] = name;
                sorted[at++] = value;
            }
        }
        return sorted;
    }

    private List<String> spellingsOf(String url) {
        List<String> known = spellings.get(url);
        if (known != null) {
            return known;
        }
        if (spellings.size() >= SPELLINGS_CACHED) {
            spellings.clear();
        }
        return spellings.computeIfAbsent(url, TwilioSignature::urlSpellings);
    }

    /** A thread's MAC and the buffer it feeds it from. */
    private static final class Hasher {

        private final Mac mac;
        private final byte[] scratch = new byte[SCRATCH_BYTES];

        Hasher(Mac mac) {
            this.mac = mac;
        }

        byte[] digest(String url, String[] sorted) {
            // a signature abandoned half-way on this thread (an exception) must not leak into this one
            mac.reset();
            update(url);
            for (String text : sorted) {
                update(text);
            }
            return mac.doFinal();
        }

        /** {@code text} as UTF-8: through the scratch buffer when it is ASCII and fits, as its own bytes otherwise. */
        private void update(String text) {
            int length = text.length();
            if (length <= scratch.length) {
                int i = 0;
                while (i < length) {
                    char c = text.charAt(i);
                    if (c >= 0x80) {
                        break;
                    }
                    scratch[i++] = (byte) c;
                }
                if (i == length) {
                    mac.update(scratch, 0, length);
                    return;
                }
            }
            mac.update(text.getBytes(StandardCharsets.UTF_8));
        }
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
