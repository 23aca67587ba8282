package org.taskrouter.assignment.support;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads series out of {@code /q/metrics}, Prometheus' text format, the way an operator's query would. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The whole text of {@code /q/metrics} now. */
    public static String scrape() {
        return given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of every series of {@code name} that has all of {@code labels} ({@code key="value"} each), whatever
     * its other labels; 0 when there is none yet, as for a series Micrometer makes on first use.
     */
    public static double sum(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Every line of {@code name}'s series. */
    public static java.util.List<String> series(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }

    private static java.util.List<String> labelsOf(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        if (open < 0 || close < open) {
            return java.util.List.of();
        }
        return Arrays.asList(line.substring(open + 1, close).split(","));
    }
}
