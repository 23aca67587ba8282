package org.taskrouter.assignment.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The feature packages depend on each other one way, so that each can be read, changed and tested with only
 * what lies below it in mind. Read from the sources' imports; the README's "Layout" shows the same graph, and
 * this test fails when the two disagree or when a change closes a cycle.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/taskrouter/assignment");
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?org\\.taskrouter\\.assignment\\.([a-z]+)\\.", Pattern.MULTILINE);
    /** A row of the README's table: {@code | `callback` | `config`, `error` |}. */
    private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z]+)` \\| (.*) \\|", Pattern.MULTILINE);

    /** Each top-level package and the other top-level packages its classes import. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // ServiceMain, above every package
                }
                String own = relative.getName(0).toString();
                Set<String> uses = graph.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    if (!imported.group(1).equals(own)) {
                        uses.add(imported.group(1));
                    }
                }
            }
        }
        return graph;
    }

    @Test
    void noPackageDependsOnAnotherThatDependsOnItInTurn() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        for (String start : graph.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>(List.of(List.of(start)));
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    assertTrue(!next.equals(start), "a cycle: " + String.join(" → ", path) + " → " + next);
                    if (!path.contains(next)) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.push(longer);
                    }
                }
            }
        }
    }

    @Test
    void theReadmeShowsTheDependenciesAsTheyAre() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String layout = readme.substring(readme.indexOf("\n## Layout"));
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = README_ROW.matcher(layout);
        while (row.find()) {
            Set<String> uses = new TreeSet<>();
            Matcher named = Pattern.compile("`([a-z]+)`").matcher(row.group(2));
            while (named.find()) {
                uses.add(named.group(1));
            }
            documented.put(row.group(1), uses);
        }
        assertEquals(dependencies(), documented, "README.md, Layout: the table of package dependencies");
    }
}
