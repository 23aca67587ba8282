package org.taskrouter.assignment.simulator.expression;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetExpressionErrorsTest {

    /** Asserts the exception's message and its parts, so a failure shows the whole message. */
    private static void assertRejected(String text, String reason, int position) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> TargetExpression.parse(text));
        assertEquals(reason + " at position " + position + " in: " + text, e.getMessage());
        assertEquals(reason, e.reason());
        assertEquals(position, e.position());
        assertEquals(text, e.text());
    }

    @Test
    void rejectsUnsupportedOperatorNamingIt() {
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> TargetExpression.parse("languages CONTAINS \"es\""));
        assertEquals("unsupported operator 'CONTAINS' at position 10 in: languages CONTAINS \"es\"", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "priority > 1 ; '>' ; 9",
            "priority >= 1 ; '>=' ; 9",
            "priority < 1 ; '<' ; 9",
            "priority <= 1 ; '<=' ; 9",
            "name ~ 'a.*' ; '~' ; 5",
            "a = 1 ; '=' ; 2",
            "a == 1 && b == 2 ; '&&' ; 7",
            "a == 1 || b == 2 ; '||' ; 7",
            "(a == 1 > 2) ; '>' ; 8",
            "!(a == 1) ; '!' ; 0",
            "a == !b ; '!' ; 5",
            "a ==!b ; '==!' ; 2",
            "NOT languages HAS 'es' ; 'NOT' ; 0",
            "not (a == 1) ; 'not' ; 0",
            "languages NOT HAS 'es' ; 'NOT' ; 10",
            "a NOT IN [1] ; 'NOT' ; 2",
            "tags contains 'x' ; 'contains' ; 5",
            "name LIKE 'a%' ; 'LIKE' ; 5",
    })
    void rejectsUnsupportedOperatorsNamingThem(String text, String operator, int position) {
        assertRejected(text, "unsupported operator " + operator, position);
    }

    @Test
    void rejectsFunctionCallsNamingTheFunction() {
        assertRejected("count(languages) == 1", "unsupported function 'count'", 0);
        assertRejected("a == str.lower(b)", "unsupported function 'str.lower'", 5);
    }

    @Test
    void rejectsUnterminatedStringsAtTheirOpeningQuote() {
        assertRejected("a == \"es", "unterminated string", 5);
        assertRejected("a == 'es", "unterminated string", 5);
        assertRejected("a == 'es\"", "unterminated string", 5);
        assertRejected("a == 'es\\'", "unterminated string", 5);
        assertRejected("a == 'es\\", "unterminated string", 5);
    }

    @Test
    void rejectsAnUnclosedParenthesisAtItsPosition() {
        assertRejected("(a == 1", "unbalanced parentheses: '(' is never closed", 0);
        assertRejected("(a == 1 AND (b == 2)", "unbalanced parentheses: '(' is never closed", 0);
        assertRejected("(a == 1) AND (b == 2", "unbalanced parentheses: '(' is never closed", 13);
    }

    @Test
    void rejectsAStrayClosingParenthesisAtItsPosition() {
        assertRejected("a == 1)", "unbalanced parentheses: ')' has no matching '('", 6);
        assertRejected("(a == 1))", "unbalanced parentheses: ')' has no matching '('", 8);
        assertRejected(")", "unbalanced parentheses: ')' has no matching '('", 0);
        assertRejected("a == )", "unbalanced parentheses: ')' has no matching '('", 5);
    }

    @Test
    void rejectsEmptyParentheses() {
        assertRejected("()", "expected an attribute or a value but found ')'", 1);
    }

    @Test
    void rejectsTrailingGarbageNamingIt() {
        assertRejected("a == 1 b", "unexpected 'b' after a complete comparison; expected AND, OR or the end of the"
                + " expression", 7);
        assertRejected("a == 1 == 2", "unexpected '==' after a complete comparison; expected AND, OR or the end of"
                + " the expression", 7);
        assertRejected("(a == 1 b)", "unexpected 'b' after a complete comparison; expected AND, OR or ')'", 8);
        assertRejected("a == 'x' 'y'", "unexpected ''y'' after a complete comparison; expected AND, OR or the end"
                + " of the expression", 9);
    }

    @Test
    void rejectsEmptyText() {
        assertRejected("", "empty expression", 0);
        assertRejected("  \t\n", "empty expression", 0);
    }

    @Test
    void rejectsNullText() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> TargetExpression.parse(null));
        assertEquals("no expression (null)", e.reason());
    }

    @Test
    void rejectsIncompleteComparisons() {
        assertRejected("a", "expected ==, !=, HAS or IN but the expression ends", 1);
        assertRejected("a ==", "expected an attribute or a value but the expression ends", 4);
        assertRejected("a == 1 AND", "expected an attribute or a value but the expression ends", 10);
        assertRejected("a AND b == 1", "expected ==, !=, HAS or IN but found 'AND'", 2);
        assertRejected("(a) == 1", "expected ==, !=, HAS or IN but found ')'", 2);
        assertRejected("true", "expected ==, !=, HAS or IN but the expression ends", 4);
    }

    @Test
    void rejectsMisplacedKeywordsAndSymbols() {
        assertRejected("AND == 1", "expected an attribute or a value but found 'AND'", 0);
        assertRejected("a == in", "expected an attribute or a value but found 'in'", 5);
        assertRejected("== 1", "expected an attribute or a value but found '=='", 0);
        assertRejected(".a == 1", "expected an attribute or a value but found '.'", 0);
        assertRejected("a == ,", "expected an attribute or a value but found ','", 5);
        assertRejected("a. == 1", "expected an attribute name after '.' but found '=='", 3);
        assertRejected("a.1 == 1", "expected an attribute name after '.' but found '1'", 2);
    }

    @Test
    void rejectsMalformedNumbers() {
        assertRejected("a == 1.", "malformed number '1.'", 5);
        assertRejected("a == 1abc", "malformed number '1abc'", 5);
        assertRejected("a == 1.2.3", "malformed number '1.2.3'", 5);
        assertRejected("a == -", "unexpected character '-'", 5);
        assertRejected("a == - 1", "unexpected character '-'", 5);
    }

    @Test
    void rejectsUnknownCharactersNamingThem() {
        assertRejected("a == #", "unexpected character '#'", 5);
        assertRejected("a == $b", "unexpected character '$'", 5);
        assertRejected("a == {}", "unexpected character '{'", 5);
        assertRejected("a == \u0000", "unexpected character U+0000", 5);
        assertRejected("a ==\u00a01", "unexpected character U+00A0", 4);
    }

    @Test
    void rejectsMalformedLists() {
        assertRejected("a IN [1, 2", "unterminated list: '[' is never closed", 5);
        assertRejected("a IN [1,", "unterminated list: '[' is never closed", 5);
        assertRejected("a IN [1 2]", "expected ',' or ']' in the list but found '2'", 8);
        assertRejected("a IN [1,]", "expected a string, number or boolean in the list but found ']'", 8);
        assertRejected("a IN [b]", "expected a string, number or boolean in the list but found 'b'", 6);
        assertRejected("a IN [[1]]", "expected a string, number or boolean in the list but found '['", 6);
    }

    @Test
    void rejectsInWithASingleValue() {
        assertRejected("a IN 'x'", "IN expects a list or an attribute on its right", 5);
        assertRejected("a IN 1", "IN expects a list or an attribute on its right", 5);
    }

    @Test
    void rejectsHasWithAList() {
        assertRejected("languages HAS ['es']", "HAS expects a single value, found a list", 14);
    }

    @Test
    void acceptsParenthesesUpToTheNestingLimit() {
        int limit = Parser.MAX_NESTING;
        String text = "(".repeat(limit) + "a == 1" + ")".repeat(limit);
        assertDoesNotThrow(() -> TargetExpression.parse(text));
    }

    @Test
    void rejectsParenthesesNestedBeyondTheLimitAtTheFirstExtraOne() {
        int limit = Parser.MAX_NESTING;
        String text = "(".repeat(limit + 1) + "a == 1" + ")".repeat(limit + 1);
        assertRejected(text, "parentheses nested deeper than " + limit, limit);
    }

    @Test
    void rejectsHostileNestingWithoutOverflowingTheStack() {
        String text = "(".repeat(200_000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> TargetExpression.parse(text));
        assertEquals(Parser.MAX_NESTING, e.position());
    }
}
