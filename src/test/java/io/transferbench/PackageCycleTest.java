package io.transferbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages of the harness depend on each other without cycles, so that the plug-in
 * interfaces and the specs they read stand apart from the suite loader and the runner that use
 * them (as DJL keeps its {@code api} apart from the engines).
 */
class PackageCycleTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** Imports and fully qualified uses of the harness's own classes. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.transferbench(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.size() > 10, "found the sources: " + graph.keySet());
        List<List<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(), cycles, "package cycles: each list is a group of packages that import each other");
    }

    @Test
    void pluginInterfacesAndSpecsDoNotReachTheSuiteLoaderOrTheRunner() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        for (String low : List.of("io.transferbench.spec", "io.transferbench.tasks", "io.transferbench.models",
                "io.transferbench.data")) {
            Set<String> reached = reachable(graph, low);
            for (String high : List.of("io.transferbench.suite", "io.transferbench.run", "io.transferbench.cli",
                    "io.transferbench.report", "io.transferbench.catalog")) {
                assertFalse(reached.contains(high), low + " reaches " + high);
            }
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue;
                }
                String own = p.group(1);
                Set<String> uses = graph.computeIfAbsent(own, k -> new TreeSet<>());
                // A class name in a string (the worker's main class) is a command line, not a dependency.
                Matcher r = REFERENCE.matcher(text.replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"")
                        .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", ""));
                while (r.find()) {
                    if (!r.group(1).equals(own)) {
                        uses.add(r.group(1));
                    }
                }
            }
        }
        graph.values().forEach(uses -> uses.retainAll(graph.keySet()));
        return graph;
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            for (String next : graph.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    /** Tarjan's algorithm: the groups of packages that reach each other. */
    private static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> groups = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, groups, counter);
            }
        }
        return groups;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> groups, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.get(v)) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, groups, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> group = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            groups.add(group.stream().sorted().toList());
        }
    }
}
