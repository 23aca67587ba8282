package org.taskrouter.assignment.simulator.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class TargetExpressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode attributes(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static boolean matches(String expression, String attributesJson) {
        return TargetExpression.parse(expression).matches(attributes(attributesJson));
    }

    // Quickstart expressions

    @Test
    void hasMatchesAnElementOfAListAttribute() {
        assertTrue(matches("languages HAS \"es\"", "{'languages': ['en', 'es']}"));
        assertTrue(matches("languages HAS \"en\"", "{'languages': ['en']}"));
    }

    @Test
    void hasDoesNotMatchWhenTheListLacksTheValue() {
        assertFalse(matches("languages HAS \"es\"", "{'languages': ['en']}"));
        assertFalse(matches("languages HAS \"en\"", "{'languages': []}"));
    }

    @Test
    void hasOnAStringAttributeMeansEquality() {
        assertTrue(matches("languages HAS \"es\"", "{'languages': 'es'}"));
        assertFalse(matches("languages HAS \"es\"", "{'languages': 'en'}"));
    }

    @Test
    void equalsMatchesASelectedLanguage() {
        assertTrue(matches("selected_language == \"es\"", "{'selected_language': 'es'}"));
        assertFalse(matches("selected_language == \"es\"", "{'selected_language': 'en'}"));
    }

    @Test
    void oneEqualsOneMatchesAnything() {
        assertTrue(matches("1==1", "{}"));
        assertTrue(TargetExpression.parse("1==1").matches(null));
        assertTrue(matches("1 == 1", "{'languages': ['en']}"));
    }

    @Test
    void literalComparisonsEvaluateWithoutAttributes() {
        assertFalse(matches("1==2", "{}"));
        assertTrue(matches("1!=2", "{}"));
        assertTrue(matches("'a' == \"a\"", "{}"));
        assertTrue(matches("true == true", "{}"));
    }

    // Equality and inequality

    @Test
    void stringsCompareExactly() {
        assertFalse(matches("name == 'Alice'", "{'name': 'alice'}"));
        assertFalse(matches("name == 'Alice'", "{'name': 'Alice '}"));
    }

    @Test
    void notEqualsIsTheNegationWhenTheAttributeIsPresent() {
        assertTrue(matches("selected_language != 'es'", "{'selected_language': 'en'}"));
        assertFalse(matches("selected_language != 'es'", "{'selected_language': 'es'}"));
    }

    @Test
    void singleAndDoubleQuotedStringsAreTheSame() {
        assertTrue(matches("name == 'Bob'", "{'name': 'Bob'}"));
        assertTrue(matches("name == \"Bob\"", "{'name': 'Bob'}"));
    }

    @Test
    void backslashEscapesTheQuoteInsideAString() {
        JsonNode attributes = JsonNodeFactory.instance.objectNode().put("quote", "say \"hi\" it's \\ fine");
        assertTrue(TargetExpression.parse("quote == \"say \\\"hi\\\" it's \\\\ fine\"").matches(attributes));
        assertTrue(TargetExpression.parse("quote == 'say \"hi\" it\\'s \\\\ fine'").matches(attributes));
    }

    @Test
    void booleansCompareWithBooleanAttributes() {
        assertTrue(matches("vip == true", "{'vip': true}"));
        assertFalse(matches("vip == true", "{'vip': false}"));
        assertTrue(matches("vip == FALSE", "{'vip': false}"));
        assertFalse(matches("vip == true", "{'vip': 'true'}"));
    }

    // Numbers

    @Test
    void numbersCompareNumerically() {
        assertTrue(matches("priority == 1", "{'priority': 1}"));
        assertTrue(matches("priority == 1", "{'priority': 1.0}"));
        assertTrue(matches("priority == 1.0", "{'priority': 1}"));
        assertTrue(matches("priority == 2.50", "{'priority': 2.5}"));
        assertFalse(matches("priority == 1", "{'priority': 1.5}"));
    }

    @Test
    void negativeNumbersAreSupported() {
        assertTrue(matches("offset == -3", "{'offset': -3}"));
        assertTrue(matches("offset==-3.25", "{'offset': -3.25}"));
        assertFalse(matches("offset == -3", "{'offset': 3}"));
    }

    @Test
    void aNumberNeverEqualsItsStringForm() {
        assertFalse(matches("priority == 1", "{'priority': '1'}"));
        assertTrue(matches("priority != 1", "{'priority': '1'}"));
    }

    @Test
    void nonFiniteAttributeValuesDoNotBreakNumericComparison() {
        JsonNode attributes = JsonNodeFactory.instance.objectNode().put("score", Double.NaN);
        assertFalse(TargetExpression.parse("score == 1").matches(attributes));
        assertTrue(TargetExpression.parse("score != 1").matches(attributes));
    }

    // IN

    @Test
    void inMatchesWhenTheValueIsInTheList() {
        assertTrue(matches("selected_language IN ['es', 'fr']", "{'selected_language': 'fr'}"));
        assertFalse(matches("selected_language IN ['es', 'fr']", "{'selected_language': 'en'}"));
    }

    @Test
    void inComparesNumbersNumerically() {
        assertTrue(matches("level IN [1, 2, 3]", "{'level': 2.0}"));
        assertFalse(matches("level IN [1, 2, 3]", "{'level': 4}"));
    }

    @Test
    void inOnAListAttributeMatchesWhenAnyElementIsInTheList() {
        assertTrue(matches("languages IN ['es', 'fr']", "{'languages': ['en', 'fr']}"));
        assertFalse(matches("languages IN ['es', 'fr']", "{'languages': ['en', 'de']}"));
        assertFalse(matches("languages IN ['es', 'fr']", "{'languages': []}"));
    }

    @Test
    void inAnEmptyListNeverMatches() {
        assertFalse(matches("languages IN []", "{'languages': 'es'}"));
    }

    @Test
    void inAcceptsAListAttributeOnTheRight() {
        assertTrue(matches("'es' IN languages", "{'languages': ['en', 'es']}"));
        assertFalse(matches("'de' IN languages", "{'languages': ['en', 'es']}"));
        assertFalse(matches("'es' IN languages", "{'languages': 'es'}"));
    }

    // Paths

    @Test
    void nestedPathsResolveThroughObjects() {
        assertTrue(matches("customer.tier == 'gold'", "{'customer': {'tier': 'gold'}}"));
        assertTrue(matches("a.b.c == 3", "{'a': {'b': {'c': 3}}}"));
        assertFalse(matches("a.b.c == 3", "{'a': {'b': 3}}"));
        assertFalse(matches("a.b.c == 3", "{'a': ['b']}"));
    }

    @Test
    void keywordsAreOrdinaryNamesAfterADot() {
        assertTrue(matches("task.in == 1 AND task.and == 2", "{'task': {'in': 1, 'and': 2}}"));
    }

    @Test
    void identifiersMayContainDigitsAndUnderscores() {
        assertTrue(matches("_skill_2 HAS 'x'", "{'_skill_2': ['x']}"));
    }

    @Test
    void aPathOnTheRightComparesTwoAttributes() {
        assertTrue(matches("a == b", "{'a': 'x', 'b': 'x'}"));
        assertTrue(matches("a != b", "{'a': 'x', 'b': 'y'}"));
        assertTrue(matches("a == b", "{'a': 1, 'b': 1.0}"));
        assertTrue(matches("a == b", "{'a': {'k': [1, 'v']}, 'b': {'k': [1.0, 'v']}}"));
        assertFalse(matches("a == b", "{'a': {'k': 1}, 'b': {'j': 1}}"));
        assertTrue(matches("languages HAS wanted", "{'languages': ['en', 'es'], 'wanted': 'es'}"));
    }

    @Test
    void equalsComparesListsElementByElement() {
        assertTrue(matches("languages == ['en', 'es']", "{'languages': ['en', 'es']}"));
        assertFalse(matches("languages == ['en', 'es']", "{'languages': ['es', 'en']}"));
        assertFalse(matches("languages == ['en']", "{'languages': ['en', 'es']}"));
    }

    // Missing attributes

    @ParameterizedTest
    @ValueSource(strings = {"missing == 'x'", "missing != 'x'", "missing HAS 'x'", "missing IN ['x']",
            "customer.missing != 1", "'x' == missing", "'x' != missing", "'x' IN missing", "missing == missing",
            "missing != missing"})
    void comparisonsWithAMissingAttributeAreFalse(String expression) {
        assertFalse(matches(expression, "{'customer': {'tier': 'gold'}}"));
    }

    @Test
    void aNullAttributeCountsAsMissing() {
        assertFalse(matches("tier == 'gold'", "{'tier': null}"));
        assertFalse(matches("tier != 'gold'", "{'tier': null}"));
    }

    @Test
    void nullOrNonObjectAttributesHaveNoAttributes() {
        TargetExpression expression = TargetExpression.parse("tier != 'gold'");
        assertFalse(expression.matches(null));
        assertFalse(expression.matches(attributes("['tier']")));
        assertFalse(expression.matches(attributes("'tier'")));
    }

    // AND / OR

    @Test
    void andRequiresBothSides() {
        String expression = "languages HAS 'es' AND tier == 'gold'";
        assertTrue(matches(expression, "{'languages': ['es'], 'tier': 'gold'}"));
        assertFalse(matches(expression, "{'languages': ['es'], 'tier': 'silver'}"));
        assertFalse(matches(expression, "{'languages': ['en'], 'tier': 'gold'}"));
    }

    @Test
    void orRequiresEitherSide() {
        String expression = "languages HAS 'es' OR tier == 'gold'";
        assertTrue(matches(expression, "{'languages': ['en'], 'tier': 'gold'}"));
        assertTrue(matches(expression, "{'languages': ['es']}"));
        assertFalse(matches(expression, "{'languages': ['en'], 'tier': 'silver'}"));
    }

    @Test
    void andBindsTighterThanOr() {
        // Read as a == 1 OR (b == 1 AND c == 1).
        String expression = "a == 1 OR b == 1 AND c == 1";
        assertTrue(matches(expression, "{'a': 1, 'b': 0, 'c': 0}"));
        assertFalse(matches(expression, "{'a': 0, 'b': 1, 'c': 0}"));
        // Read as (a == 1 AND b == 1) OR c == 1.
        String reversed = "a == 1 AND b == 1 OR c == 1";
        assertTrue(matches(reversed, "{'a': 0, 'b': 0, 'c': 1}"));
        assertFalse(matches(reversed, "{'a': 1, 'b': 0, 'c': 0}"));
    }

    @Test
    void parenthesesOverridePrecedence() {
        String expression = "(a == 1 OR b == 1) AND c == 1";
        assertFalse(matches(expression, "{'a': 1, 'b': 0, 'c': 0}"));
        assertTrue(matches(expression, "{'a': 0, 'b': 1, 'c': 1}"));
        assertTrue(matches("((a == 1))", "{'a': 1}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a == 1 and b HAS 'x' or c in [1]", "a == 1 AnD b has 'x' Or c In [1]",
            "a == 1 AND b HAS 'x' OR c IN [1]"})
    void keywordsAreCaseInsensitive(String expression) {
        assertTrue(matches(expression, "{'a': 1, 'b': ['x']}"));
        assertTrue(matches(expression, "{'c': 1}"));
        assertFalse(matches(expression, "{'a': 1, 'b': ['y'], 'c': 2}"));
    }

    @Test
    void whitespaceIsOptionalAroundSymbols() {
        assertTrue(matches("(a==1)AND(b!=2)", "{'a': 1, 'b': 3}"));
        assertTrue(matches("  a\t==\n[1,2]  ", "{'a': [1, 2]}"));
    }

    @Test
    void longChainsEvaluateWithoutRecursingPerOperand() {
        String expression = IntStream.range(0, 20_000).mapToObj(i -> "a == " + i)
                .collect(Collectors.joining(" OR "));
        assertTrue(matches(expression, "{'a': 19999}"));
        assertFalse(matches(expression, "{'a': -1}"));
    }

    // The object itself

    @Test
    void textIsTheOriginalText() {
        String text = "  languages HAS \"es\" ";
        TargetExpression expression = TargetExpression.parse(text);
        assertEquals(text, expression.text());
        assertEquals(text, expression.toString());
    }

    @Test
    void expressionsWithTheSameTextAreEqual() {
        assertEquals(TargetExpression.parse("a == 1"), TargetExpression.parse("a == 1"));
        assertEquals(TargetExpression.parse("a == 1").hashCode(), TargetExpression.parse("a == 1").hashCode());
    }
}
