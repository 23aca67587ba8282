package org.taskrouter.assignment.simulator.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.taskrouter.assignment.simulator.expression.Condition.AllOf;
import org.taskrouter.assignment.simulator.expression.Condition.AnyOf;
import org.taskrouter.assignment.simulator.expression.Condition.Comparison;
import org.taskrouter.assignment.simulator.expression.Condition.Operator;
import org.taskrouter.assignment.simulator.expression.Operand.Literal;
import org.taskrouter.assignment.simulator.expression.Operand.Path;
import org.taskrouter.assignment.simulator.expression.Token.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Recursive-descent parser for the grammar below; AND binds tighter than OR, keywords are case-insensitive.
 *
 * <pre>
 * expression := conjunction ("OR" conjunction)*
 * conjunction := unit ("AND" unit)*
 * unit       := "(" expression ")" | operand operator operand
 * operator   := "==" | "!=" | "HAS" | "IN"
 * operand    := path | string | number | "true" | "false" | list
 * path       := word ("." word)*
 * list       := "[" (literal ("," literal)*)? "]"
 * </pre>
 */
final class Parser {

    /** Parentheses are the only recursion; bounding them keeps hostile input from overflowing the stack. */
    static final int MAX_NESTING = 64;

    private static final String OPERATORS = "==, !=, HAS or IN";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private Parser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** The condition {@code text} denotes; throws {@link ExpressionException} for anything outside the grammar. */
    static Condition parse(String text) {
        Parser parser = new Parser(text, Lexer.tokenize(text));
        if (parser.peek().kind() == Kind.END) {
            throw new ExpressionException("empty expression", 0, text);
        }
        Condition condition = parser.expression();
        Token next = parser.peek();
        if (next.kind() == Kind.RIGHT_PAREN) {
            throw parser.error("unbalanced parentheses: ')' has no matching '('", next);
        }
        if (next.kind() != Kind.END) {
            throw parser.unexpected(next,
                    "after a complete comparison; expected AND, OR or the end of the expression");
        }
        return condition;
    }

    private Condition expression() {
        List<Condition> alternatives = new ArrayList<>();
        alternatives.add(conjunction());
        while (peek().isWord("OR")) {
            index++;
            alternatives.add(conjunction());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
    }

    private Condition conjunction() {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(unit());
        while (peek().isWord("AND")) {
            index++;
            conditions.add(unit());
        }
        return conditions.size() == 1 ? conditions.get(0) : new AllOf(conditions);
    }

    private Condition unit() {
        Token open = peek();
        if (open.kind() != Kind.LEFT_PAREN) {
            return comparison();
        }
        if (depth == MAX_NESTING) {
            throw error("parentheses nested deeper than " + MAX_NESTING, open);
        }
        index++;
        depth++;
        Condition inner = expression();
        Token close = peek();
        if (close.kind() == Kind.END) {
            throw error("unbalanced parentheses: '(' is never closed", open);
        }
        if (close.kind() != Kind.RIGHT_PAREN) {
            throw unexpected(close, "after a complete comparison; expected AND, OR or ')'");
        }
        index++;
        depth--;
        return inner;
    }

    private Condition comparison() {
        Operand left = operand();
        Operator operator = operator();
        Token rightStart = peek();
        Operand right = operand();
        // A value after IN can never match, a list after HAS only a list of lists: almost surely mistakes, better
        // reported now than found later as a queue that silently never matches.
        if (operator == Operator.IN && right instanceof Literal literal && !literal.value().isArray()) {
            throw error("IN expects a list or an attribute on its right", rightStart);
        }
        if (operator == Operator.HAS && right instanceof Literal literal && literal.value().isArray()) {
            throw error("HAS expects a single value, found a list", rightStart);
        }
        return new Comparison(left, operator, right);
    }

    private Operand operand() {
        Token token = peek();
        JsonNode scalar = scalar(token);
        if (scalar != null) {
            index++;
            return new Literal(scalar);
        }
        return switch (token.kind()) {
            case LEFT_BRACKET -> list();
            case WORD -> path();
            case OPERATOR -> throw isSupportedOperator(token)
                    ? error("expected an attribute or a value but found " + show(token), token)
                    : unsupportedOperator(token);
            case RIGHT_PAREN -> throw depth == 0
                    ? error("unbalanced parentheses: ')' has no matching '('", token)
                    : error("expected an attribute or a value but found ')'", token);
            case END -> throw error("expected an attribute or a value but the expression ends", token);
            default -> throw error("expected an attribute or a value but found " + show(token), token);
        };
    }

    private Operand path() {
        Token first = peek();
        if (first.isWord("NOT")) {
            throw unsupportedOperator(first);
        }
        if (isKeyword(first)) {
            throw error("expected an attribute or a value but found " + show(first), first);
        }
        List<String> segments = new ArrayList<>();
        segments.add(first.value());
        index++;
        while (peek().kind() == Kind.DOT) {
            index++;
            Token segment = peek();
            // Any word is a valid name after a dot: `task.in` names a field, it is not the IN operator.
            if (segment.kind() != Kind.WORD) {
                throw error("expected an attribute name after '.' but found " + show(segment), segment);
            }
            segments.add(segment.value());
            index++;
        }
        if (peek().kind() == Kind.LEFT_PAREN) {
            throw error("unsupported function '" + text.substring(first.start(), previous().end()) + "'", first);
        }
        return new Path(segments);
    }

    private Operand list() {
        Token open = tokens.get(index++);
        ArrayNode elements = NODES.arrayNode();
        if (peek().kind() == Kind.RIGHT_BRACKET) {
            index++;
            return new Literal(elements);
        }
        while (true) {
            Token element = peek();
            JsonNode value = scalar(element);
            if (element.kind() == Kind.END) {
                throw error("unterminated list: '[' is never closed", open);
            }
            if (value == null) {
                throw error("expected a string, number or boolean in the list but found " + show(element), element);
            }
            elements.add(value);
            index++;
            Token separator = peek();
            index++;
            switch (separator.kind()) {
                case COMMA -> {
                    continue;
                }
                case RIGHT_BRACKET -> {
                    return new Literal(elements);
                }
                case END -> throw error("unterminated list: '[' is never closed", open);
                default -> throw error("expected ',' or ']' in the list but found " + show(separator), separator);
            }
        }
    }

    private Operator operator() {
        Token token = peek();
        index++;
        if (token.kind() == Kind.OPERATOR) {
            switch (token.value()) {
                case "==":
                    return Operator.EQUALS;
                case "!=":
                    return Operator.NOT_EQUALS;
                default:
                    throw unsupportedOperator(token);
            }
        }
        if (token.isWord("HAS")) {
            return Operator.HAS;
        }
        if (token.isWord("IN")) {
            return Operator.IN;
        }
        if (token.kind() == Kind.END) {
            throw error("expected " + OPERATORS + " but the expression ends", token);
        }
        // A word here is most likely another TaskRouter operator (CONTAINS, NOT IN...); AND/OR mean a comparison
        // is incomplete, as in `a AND b`.
        if (token.kind() == Kind.WORD && !token.isWord("AND") && !token.isWord("OR")) {
            throw unsupportedOperator(token);
        }
        throw error("expected " + OPERATORS + " but found " + show(token), token);
    }

    /** The value of a string, number or boolean token; {@code null} for any other token. */
    private static JsonNode scalar(Token token) {
        switch (token.kind()) {
            case STRING:
                return NODES.textNode(token.value());
            case NUMBER:
                return NODES.numberNode(new BigDecimal(token.value()));
            case WORD:
                if (token.isWord("true")) {
                    return NODES.booleanNode(true);
                }
                if (token.isWord("false")) {
                    return NODES.booleanNode(false);
                }
                return null;
            default:
                return null;
        }
    }

    private static boolean isKeyword(Token token) {
        return token.isWord("AND") || token.isWord("OR") || token.isWord("HAS") || token.isWord("IN");
    }

    private static boolean isSupportedOperator(Token token) {
        return token.value().equals("==") || token.value().equals("!=");
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token previous() {
        return tokens.get(index - 1);
    }

    private String show(Token token) {
        return token.kind() == Kind.END ? "the end" : "'" + text.substring(token.start(), token.end()) + "'";
    }

    /** Where a comparison could end, {@code &&} or {@code >} is an operator we lack; anything else is misplaced. */
    private ExpressionException unexpected(Token token, String expectation) {
        if (token.kind() == Kind.OPERATOR && !isSupportedOperator(token)) {
            return unsupportedOperator(token);
        }
        return error("unexpected " + show(token) + " " + expectation, token);
    }

    private ExpressionException unsupportedOperator(Token token) {
        return error("unsupported operator " + show(token), token);
    }

    private ExpressionException error(String reason, Token token) {
        return new ExpressionException(reason, token.start(), text);
    }
}
