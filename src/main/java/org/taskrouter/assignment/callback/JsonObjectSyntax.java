package org.taskrouter.assignment.callback;

/**
 * Whether a text begins with one JSON object, judged as Jackson's default parser judges it (RFC 8259: no comments,
 * single quotes, leading zeros or trailing commas; at most 1000 nested containers, 1000 digits in a number and
 * 50,000 characters in a name), without building anything. Each callback checks two attribute objects and uses
 * neither unless a rule looks inside: a parser for each was the callback's largest allocation of its own. Like
 * the streaming check it replaces, it reads up to the object's closing brace and no further.
 */
final class JsonObjectSyntax {

    /** What a text is. */
    enum Verdict {
        /** Starts with a well-formed JSON object. */
        OBJECT,
        /** A JSON value that is not an object. */
        NOT_AN_OBJECT,
        /** Not JSON. */
        INVALID
    }

    /** Jackson's {@code StreamReadConstraints} defaults, which the Jackson check applied. */
    static final int MAX_DEPTH = 1000;
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int MAX_NAME_LENGTH = 50_000;

    private final String text;
    private int at;

    private JsonObjectSyntax(String text) {
        this.text = text;
    }

    static Verdict of(String text) {
        return new JsonObjectSyntax(text).root();
    }

    private Verdict root() {
        skipWhitespace();
        if (at >= text.length()) {
            // no token at all, which is not an object either
            return Verdict.NOT_AN_OBJECT;
        }
        char c = text.charAt(at);
        if (c == '{') {
            return containers() ? Verdict.OBJECT : Verdict.INVALID;
        }
        if (c == '[' || c == '"') {
            // Jackson names this token before it reads what the token holds
            return Verdict.NOT_AN_OBJECT;
        }
        if (c == '-' || isDigit(c)) {
            // a number at the root must end the text or be followed by white space
            return number() && (at >= text.length() || isWhitespace(text.charAt(at))) ? Verdict.NOT_AN_OBJECT
                    : Verdict.INVALID;
        }
        return (c == 't' || c == 'f' || c == 'n') && scalar() ? Verdict.NOT_AN_OBJECT : Verdict.INVALID;
    }

    /**
     * The object at {@code at} with everything nested in it. Iterative, so that 1000 levels cost no stack. Which
     * open containers are objects is one bit each: in a long for the first 64 levels (every real attributes
     * object), in an array made only for a deeper text.
     */
    private boolean containers() {
        long objects = 0;
        boolean[] deeper = null;
        int depth = 0;
        while (true) {
            // at a value
            if (at >= text.length()) {
                return false;
            }
            char c = text.charAt(at);
            boolean ended = true;
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    return false;
                }
                boolean object = c == '{';
                if (depth < Long.SIZE) {
                    objects = object ? objects | 1L << depth : objects & ~(1L << depth);
                } else {
                    if (deeper == null) {
                        deeper = new boolean[MAX_DEPTH];
                    }
                    deeper[depth] = object;
                }
                depth++;
                at++;
                skipWhitespace();
                if (at < text.length() && text.charAt(at) == (object ? '}' : ']')) {
                    at++;
                    depth--;
                } else {
                    ended = false;
                }
            } else if (!scalar()) {
                return false;
            }
            // after a value: close what ends here, up to a comma before the next member
            while (ended) {
                if (depth == 0) {
                    return true;
                }
                skipWhitespace();
                if (at >= text.length()) {
                    return false;
                }
                char next = text.charAt(at++);
                if (next == (isObject(objects, deeper, depth - 1) ? '}' : ']')) {
                    depth--;
                } else if (next == ',') {
                    skipWhitespace();
                    ended = false;
                } else {
                    return false;
                }
            }
            // a member of the innermost container: in an object, a name and a colon come first
            if (isObject(objects, deeper, depth - 1) && !name()) {
                return false;
            }
        }
    }

    private static boolean isObject(long objects, boolean[] deeper, int level) {
        return level < Long.SIZE ? (objects & 1L << level) != 0 : deeper[level];
    }

    /** {@code "name"} and a colon, with white space around it. */
    private boolean name() {
        if (at >= text.length() || text.charAt(at) != '"') {
            return false;
        }
        at++;
        if (!string(MAX_NAME_LENGTH)) {
            return false;
        }
        skipWhitespace();
        if (at >= text.length() || text.charAt(at) != ':') {
            return false;
        }
        at++;
        skipWhitespace();
        return true;
    }

    /** A string, number, {@code true}, {@code false} or {@code null} at {@code at}. */
    private boolean scalar() {
        char c = text.charAt(at);
        if (c == '"') {
            at++;
            return string(Integer.MAX_VALUE);
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        String literal = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : null;
        if (literal == null || !text.startsWith(literal, at)) {
            return false;
        }
        at += literal.length();
        if (at >= text.length()) {
            return true;
        }
        // Jackson's rule for what may follow a literal: "truex" is one unknown word, "true," is true and a comma
        char next = text.charAt(at);
        return next < '0' || next == ']' || next == '}' || !Character.isJavaIdentifierPart(next);
    }

    /** The rest of a string after its opening quote, at most {@code maxLength} characters once decoded. */
    private boolean string(int maxLength) {
        int length = 0;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return length <= maxLength;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    return false;
                }
                char escaped = text.charAt(at++);
                if (escaped == 'u') {
                    if (at + 4 > text.length()) {
                        return false;
                    }
                    for (int end = at + 4; at < end; at++) {
                        if (!isHexDigit(text.charAt(at))) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    return false;
                }
            }
            length++;
        }
        return false;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} at {@code at}, within Jackson's length. */
    private boolean number() {
        if (text.charAt(at) == '-') {
            at++;
        }
        int integer = digits();
        if (integer == 0 || (integer > 1 && text.charAt(at - integer) == '0')) {
            return false;
        }
        int fraction = 0;
        int exponent = 0;
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            fraction = digits();
            if (fraction == 0) {
                return false;
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            exponent = digits();
            if (exponent == 0) {
                return false;
            }
        }
        boolean integral = fraction == 0 && exponent == 0;
        return (integral ? integer : integer + fraction + exponent) <= MAX_NUMBER_LENGTH;
    }

    private int digits() {
        int start = at;
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        return at - start;
    }

    private void skipWhitespace() {
        while (at < text.length() && isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
