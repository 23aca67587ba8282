package org.taskrouter.assignment.simulator.expression;

import java.util.ArrayList;
import java.util.List;

import org.taskrouter.assignment.simulator.expression.Token.Kind;

/** Splits an expression text into tokens, rejecting characters and literals the grammar has no use for. */
final class Lexer {

    /**
     * Runs of these characters become one OPERATOR token, so that {@code >=}, {@code &&} or {@code ~} reach the
     * parser whole and can be reported as an unsupported operator rather than as a stray character.
     */
    private static final String OPERATOR_CHARS = "=!<>~&|";

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, always ending with an END token positioned at the text's length. */
    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            switch (c) {
                case '(' -> single(Kind.LEFT_PAREN);
                case ')' -> single(Kind.RIGHT_PAREN);
                case '[' -> single(Kind.LEFT_BRACKET);
                case ']' -> single(Kind.RIGHT_BRACKET);
                case ',' -> single(Kind.COMMA);
                case '.' -> single(Kind.DOT);
                case '"', '\'' -> string(c);
                default -> {
                    if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
                        number();
                    } else if (Character.isLetter(c) || c == '_') {
                        word();
                    } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                        operator();
                    } else {
                        throw new ExpressionException("unexpected character " + describe(c), pos, text);
                    }
                }
            }
        }
        tokens.add(new Token(Kind.END, pos, pos, ""));
    }

    private void single(Kind kind) {
        tokens.add(new Token(kind, pos, pos + 1, text.substring(pos, pos + 1)));
        pos++;
    }

    private void string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new ExpressionException("unterminated string", start, text);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\\') {
                // A backslash takes the next character literally: \" and \' for quotes, \\ for itself.
                if (pos + 1 >= text.length()) {
                    throw new ExpressionException("unterminated string", start, text);
                }
                c = text.charAt(pos + 1);
                pos++;
            }
            value.append(c);
            pos++;
        }
        tokens.add(new Token(Kind.STRING, start, pos, value.toString()));
    }

    private void number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        skipDigits();
        boolean wellFormed = true;
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            wellFormed = pos < text.length() && isDigit(text.charAt(pos));
            skipDigits();
        }
        // "1abc", "1." or "1.2.3" must not silently split into a number and something else.
        while (pos < text.length() && (isWordPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            wellFormed = false;
            pos++;
        }
        if (!wellFormed) {
            throw new ExpressionException("malformed number '" + text.substring(start, pos) + "'", start, text);
        }
        tokens.add(new Token(Kind.NUMBER, start, pos, text.substring(start, pos)));
    }

    private void word() {
        int start = pos;
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
            pos++;
        }
        tokens.add(new Token(Kind.WORD, start, pos, text.substring(start, pos)));
    }

    private void operator() {
        int start = pos;
        while (pos < text.length() && OPERATOR_CHARS.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        tokens.add(new Token(Kind.OPERATOR, start, pos, text.substring(start, pos)));
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    // ASCII only: Character.isDigit would admit other scripts' digits, which BigDecimal would then accept.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetter(c) || isDigit(c) || c == '_';
    }

    private static String describe(char c) {
        int type = Character.getType(c);
        if (Character.isISOControl(c) || Character.isSpaceChar(c) || Character.isSurrogate(c)
                || type == Character.FORMAT || type == Character.UNASSIGNED) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
