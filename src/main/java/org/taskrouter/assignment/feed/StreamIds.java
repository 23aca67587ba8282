package org.taskrouter.assignment.feed;

/** Redis stream entry ids, {@code <milliseconds>-<sequence>}, which order the shared feed on every replica. */
final class StreamIds {

    private StreamIds() {
    }

    /** Whether {@code id} has the shape of a stream entry id (a Last-Event-ID may be anything). */
    static boolean valid(String id) {
        int dash = id.indexOf('-');
        return dash > 0 && dash < id.length() - 1 && digits(id, 0, dash) && digits(id, dash + 1, id.length())
                && dash <= 19 && id.length() - dash - 1 <= 19;
    }

    /** Orders two valid ids as Redis does: by milliseconds, then by sequence. */
    static int compare(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byTime = Long.compareUnsigned(Long.parseUnsignedLong(a, 0, dashA, 10), Long.parseUnsignedLong(b, 0, dashB, 10));
        return byTime != 0 ? byTime
                : Long.compareUnsigned(Long.parseUnsignedLong(a, dashA + 1, a.length(), 10),
                        Long.parseUnsignedLong(b, dashB + 1, b.length(), 10));
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
