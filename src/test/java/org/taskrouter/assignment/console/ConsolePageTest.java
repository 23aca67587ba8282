package org.taskrouter.assignment.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The console's files and the headers that keep the page, which holds the operator token, to itself. */
@QuarkusTest
class ConsolePageTest {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");

    @Test
    void theRootAndTheBarePathLeadToTheConsole() {
        for (String path : List.of("/", "/console")) {
            given().redirects().follow(false).when().get(path).then()
                    .statusCode(302)
                    .header("Location", "/console/");
        }
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicyAndNoReferrer() {
        given().when().get("/console/").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-cache")
                .body(containsString("<title>TaskRouter console</title>"));
    }

    @Test
    void thePageRunsNoInlineScriptNorStyleAndLoadsNothingFromElsewhere() {
        String page = given().when().get("/console/").then().statusCode(200).extract().asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(), "an inline <script>");
        assertFalse(Pattern.compile("\\s(style|on[a-z]+)=").matcher(page).find(), "an inline style or handler");
        Matcher references = LOCAL_REFERENCE.matcher(page);
        List<String> found = new ArrayList<>();
        while (references.find()) {
            found.add(references.group(1));
        }
        assertEquals(List.of("data:,", "console.css", "js/console.js"), found);
    }

    @Test
    void servesEveryModuleAsJavaScriptAndTheStylesAsCssUnderTheSamePolicy() {
        List<String> modules = new ArrayList<>(List.of("console.js"));
        for (int i = 0; i < modules.size(); i++) {
            Response module = given().when().get("/console/js/" + modules.get(i));
            module.then().statusCode(200)
                    // with nosniff, a module served under another type is refused by the browser
                    .contentType(matchesPattern("(text|application)/javascript.*"))
                    .header("Content-Security-Policy", POLICY)
                    .header("X-Content-Type-Options", "nosniff");
            Matcher imports = IMPORT.matcher(module.asString());
            while (imports.find()) {
                if (!modules.contains(imports.group(1))) {
                    modules.add(imports.group(1));
                }
            }
        }
        assertEquals(List.of("console.js", "api.js", "stream.js", "dom.js"), modules);
        given().when().get("/console/console.css").then()
                .statusCode(200)
                .contentType(startsWith("text/css"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theScriptsNeverPutTheTokenInAUrlNorInLocalStorage() {
        for (String module : List.of("console.js", "api.js", "stream.js", "dom.js")) {
            given().when().get("/console/js/" + module).then().statusCode(200)
                    .body(not(containsString("localStorage")))
                    .body(not(containsString("new EventSource")))
                    .body(not(containsString("?token")))
                    .body(not(containsString("innerHTML")));
        }
    }

    @Test
    void aMissingFileIsTheJsonNotFound() {
        given().when().get("/console/nothing-here.js").then()
                .statusCode(404)
                .contentType(startsWith("application/json"))
                .body("status", equalTo(404));
    }
}
