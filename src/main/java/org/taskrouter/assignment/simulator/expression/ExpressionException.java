package org.taskrouter.assignment.simulator.expression;

/**
 * An expression text that {@link TargetExpression#parse(String)} cannot accept: malformed, or valid TaskRouter
 * syntax outside the subset the simulator supports. The message names the offending part and its position.
 */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;
    private final String text;

    ExpressionException(String reason, int position, String text) {
        super(reason + " at position " + position + " in: " + text);
        this.reason = reason;
        this.position = position;
        this.text = text;
    }

    /** What is wrong, without the position and the expression text. */
    public String reason() {
        return reason;
    }

    /** Zero-based index in {@link #text()} of the offending part (the text's length when it ends too early). */
    public int position() {
        return position;
    }

    /** The expression text that was being parsed. */
    public String text() {
        return text;
    }
}
