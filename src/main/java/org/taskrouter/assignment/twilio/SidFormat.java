package org.taskrouter.assignment.twilio;

import org.taskrouter.assignment.error.BadRequestException;

/** Twilio SIDs: a two-letter prefix naming the kind of resource, then 32 hexadecimal digits. */
public final class SidFormat {

    private SidFormat() {
    }

    /**
     * Whether {@code value} is a SID of the kind {@code prefix} names. Checked by hand rather than by a regular
     * expression: every callback checks three, and a matcher is an allocation each.
     */
    public static boolean isSid(String value, String prefix) {
        if (value == null || value.length() != 34 || !value.startsWith(prefix)
                || !isUpperLetter(value.charAt(0)) || !isUpperLetter(value.charAt(1))) {
            return false;
        }
        for (int i = 2; i < 34; i++) {
            if (!isHexDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** {@code value} when it is a SID of the kind {@code prefix}; otherwise a 400 naming {@code what}. */
    public static String require(String value, String prefix, String what) {
        if (!isSid(value, prefix)) {
            throw new BadRequestException(what + " must be a SID: " + prefix + " followed by 32 hexadecimal digits");
        }
        return value;
    }
}
