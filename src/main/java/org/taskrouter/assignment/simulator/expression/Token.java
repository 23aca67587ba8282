package org.taskrouter.assignment.simulator.expression;

/**
 * One lexical unit. {@code value} is the decoded content for strings (escapes resolved) and the source text
 * otherwise; {@code start}/{@code end} always delimit the source text, so messages quote what the user wrote.
 */
record Token(Kind kind, int start, int end, String value) {

    enum Kind {
        WORD, STRING, NUMBER, OPERATOR, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA, DOT, END
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
    }
}
