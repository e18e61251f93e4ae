package io.transferbench.suite;

import io.transferbench.spec.LocatedTree;
import io.transferbench.spec.Problems;
import io.transferbench.spec.SourceLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.IoReason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds a suite, merges the chosen profile and the command-line overrides into it, and validates
 * the result. Every profile of the file is validated too, so a broken profile is found before the
 * day somebody selects it.
 */
public final class SuiteLoader {

    /** The profile every suite has: the suite as written, plus its own {@code default} profile if any. */
    public static final String DEFAULT_PROFILE = "default";

    private final Catalog catalog;
    private final Path suitesDir;

    public SuiteLoader(Catalog catalog, Path suitesDir) {
        this.catalog = catalog;
        this.suitesDir = suitesDir;
    }

    /** Resolves {@code --suite NAME|PATH} to a file. */
    public Path locate(String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        for (String ext : List.of(".yaml", ".yml")) {
            Path candidate = suitesDir.resolve(nameOrPath + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if (!Files.isDirectory(suitesDir)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "no suite '" + nameOrPath + "': not a file, and the"
                    + " suites directory " + suitesDir.toAbsolutePath() + " does not exist (--suites-dir DIR)");
        }
        throw new BenchException(BenchException.EXIT_BAD_INPUT, "no suite '" + nameOrPath + "': not a file, and not in "
                + suitesDir + "; known suites: " + String.join(", ", knownSuites()));
    }

    public List<String> knownSuites() {
        if (!Files.isDirectory(suitesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(suitesDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.lastIndexOf('.')))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot list " + suitesDir + ": " + IoReason.of(e), e);
        }
    }

    public ResolvedSuite load(String nameOrPath, String profile, List<FieldOverride> overrides) {
        Path file = locate(nameOrPath);
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, file + ": not a YAML suite: the file is not UTF-8"
                    + " text (binary data, or another encoding)", e);
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, file + ": cannot read: " + IoReason.of(e), e);
        }
        return resolve(file, YamlReader.read(file.toString(), text), profile, overrides);
    }

    ResolvedSuite resolve(Path file, LocatedTree source, String profile, List<FieldOverride> overrides) {
        expandShorthands(source);
        anchorPaths(source.root(), file.toAbsolutePath().getParent());
        SuiteSchema schema = new SuiteSchema(catalog);
        Problems problems = new Problems(source);
        ObjectNode base = source.root().deepCopy();
        base.remove("profiles");
        schema.check(withProfiles(base, source), problems);

        JsonNode profiles = source.root().path("profiles");
        List<String> defined = new ArrayList<>();
        profiles.fieldNames().forEachRemaining(defined::add);
        LocatedTree chosen = null;
        for (String name : defined) {
            LocatedTree merged = merged(source, name);
            if (problems.isEmpty()) {
                Problems profileProblems = new Problems(merged);
                schema.check(merged.root(), profileProblems);
                problems.addAll(profileProblems, "with profile " + name);
            }
            if (name.equals(profile)) {
                chosen = merged;
            }
        }
        problems.throwIfAny(file.toString());
        if (chosen == null) {
            if (!profile.equals(DEFAULT_PROFILE)) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, file + ": --profile " + profile
                        + ": this suite defines no such profile; it defines: "
                        + String.join(", ", defined.isEmpty() ? List.of("(none)") : defined)
                        + " (and 'default', the suite as written)");
            }
            chosen = new LocatedTree(base, source.locations(), new SourceLocation(file.toString(), 0, 0));
        }
        for (FieldOverride o : overrides) {
            apply(chosen, o);
        }
        // What is still relative came from the command line: relative to where the command runs.
        anchorPaths(chosen.root(), Path.of("").toAbsolutePath());
        Problems finalProblems = new Problems(chosen);
        schema.check(chosen.root(), finalProblems);
        if (finalProblems.isEmpty()) {
            schema.checkFiles(chosen.root(), finalProblems);
        }
        finalProblems.throwIfAny(file + " with --profile " + profile + (overrides.isEmpty() ? "" : " and "
                + String.join(" and ", overrides.stream().map(o -> o.source().split(" ")[0]).distinct().toList())));
        ObjectNode tree = chosen.root();
        tree.remove("profiles");
        // Written out, the defaults make every setting of the run explicit in its records.
        schema.rootRule(tree).fillDefaults(tree);
        return new ResolvedSuite(tree.get("suite").asText(), file, profile, tree);
    }

    /** The base tree with the (unmerged) profiles put back, for checking the profile names. */
    private static ObjectNode withProfiles(ObjectNode base, LocatedTree source) {
        ObjectNode copy = base.deepCopy();
        if (source.root().has("profiles")) {
            copy.set("profiles", source.root().get("profiles"));
        }
        return copy;
    }

    private static LocatedTree merged(LocatedTree source, String profile) {
        ObjectNode tree = source.root().deepCopy();
        tree.remove("profiles");
        LocatedTree result = new LocatedTree(tree, source.locations(), new SourceLocation("", 0, 0));
        JsonNode overrides = source.root().path("profiles").path(profile);
        if (overrides.isObject()) {
            mergeInto(tree, (ObjectNode) overrides, "", "profiles." + profile, result, source.locations());
        }
        return result;
    }

    /** Deep merge: mappings merge field by field; lists and scalars replace. */
    private static void mergeInto(ObjectNode target, ObjectNode from, String path, String fromPath,
                                  LocatedTree result, Map<String, SourceLocation> fromLocations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String childPath = LocatedTree.child(path, e.getKey());
            String childFrom = LocatedTree.child(fromPath, e.getKey());
            JsonNode existing = target.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) e.getValue(), childPath, childFrom, result, fromLocations);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
                result.relocate(childPath, fromLocations, childFrom);
            }
        }
    }

    private static void apply(LocatedTree tree, FieldOverride o) {
        String grid = "grid.";
        if (o.path().startsWith(grid)) {
            // grid axes may themselves be dotted paths (grid.training.weight-decay)
            ObjectNode axes = tree.root().has("grid") && tree.root().get("grid").isObject()
                    ? (ObjectNode) tree.root().get("grid") : tree.root().putObject("grid");
            axes.set(o.path().substring(grid.length()), o.value());
        } else {
            LocatedTree.set(tree.root(), o.path(), o.value());
        }
        tree.relocate(o.path(), Map.of(o.path(), SourceLocation.commandLine(o.source())), o.path());
    }

    /**
     * Makes the paths to the user's files ({@code dataset.path} and {@code model.options.path}, in
     * profiles and a pretraining source too) absolute: a suite file's paths are relative to its folder, so the suite runs
     * from anywhere, and records name the files unambiguously.
     */
    private static void anchorPaths(ObjectNode tree, Path base) {
        anchorIn(tree, base);
        tree.path("profiles").forEach(profile -> anchorIn(profile, base));
    }

    private static void anchorIn(JsonNode tree, Path base) {
        anchor(tree.path("dataset"), base);
        anchor(tree.path("model").path("pretrain").path("dataset"), base);
        anchor(tree.path("model").path("options"), base);
    }

    private static void anchor(JsonNode owner, Path base) {
        if (owner instanceof ObjectNode node && node.path("path").isTextual()) {
            node.put("path", base.resolve(node.get("path").asText()).normalize().toString());
        }
    }

    /** {@code model: NAME} means {@code model: {name: NAME}}; the same for datasets. */
    private static void expandShorthands(LocatedTree tree) {
        expand(tree.root(), "model", tree, "model");
        expand(tree.root(), "dataset", tree, "dataset");
        if (tree.root().path("model").path("pretrain").isObject()) {
            expand((ObjectNode) tree.root().get("model").get("pretrain"), "dataset", tree, "model.pretrain.dataset");
        }
        tree.root().path("profiles").fields().forEachRemaining(p -> {
            if (p.getValue().isObject()) {
                String prefix = "profiles." + p.getKey();
                expand((ObjectNode) p.getValue(), "model", tree, prefix + ".model");
                expand((ObjectNode) p.getValue(), "dataset", tree, prefix + ".dataset");
            }
        });
    }

    private static void expand(ObjectNode parent, String field, LocatedTree tree, String path) {
        JsonNode value = parent.get(field);
        if (value != null && value.isTextual()) {
            ObjectNode obj = JsonNodeFactory.instance.objectNode();
            obj.set("name", value);
            parent.set(field, obj);
            tree.put(path + ".name", tree.locate(path));
        }
    }
}
