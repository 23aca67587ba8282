package org.taskrouter.assignment.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * TaskRouter SIDs: a two-letter prefix (AC, WS, WW, WQ, WK, WA, WT, WR, EV) and 32 lowercase hex digits. Seeded
 * resources get deterministic SIDs so that dev configuration can name them before the simulator starts.
 */
public final class SidGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private SidGenerator() {
    }

    /** The SID of a seeded resource: {@code prefix} + the first 32 hex digits of SHA-256("prefix:friendlyName"). */
    public static String seeded(String prefix, String friendlyName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((prefix + ":" + friendlyName).getBytes(StandardCharsets.UTF_8));
            return prefix + HEX.formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this runtime", e);
        }
    }

    /** A fresh SID for a resource created at run time. */
    public static String random(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HEX.formatHex(bytes);
    }
}
