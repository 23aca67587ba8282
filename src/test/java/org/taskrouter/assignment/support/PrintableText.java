package org.taskrouter.assignment.support;

/**
 * Text fit for a test name or a failure message: hostile inputs hold control characters, lone surrogates and
 * direction marks that would garble a report or hide what was sent, and bodies of 70 KiB.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** {@code text} with those characters escaped as {@code \\uXXXX}, cut after {@code max} characters. */
    public static String of(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == '\u2028' || c == '\u202e'
                    || c == '\uFEFF') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > max) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
