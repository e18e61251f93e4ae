package io.transferbench;

import io.transferbench.catalog.Catalog;
import io.transferbench.suite.FieldOverride;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.suite.SuiteLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Small suites on generated data, written to a test's temp directory. */
public final class TestSuites {

    /** A valid suite: an MLP pretrained on one generated task, transferred to another. */
    public static final String BASE = """
            suite: t
            task: vector-classification
            model:
              name: mlp
              options: {hidden: 16, stages: 3}
              pretrain:
                dataset: {name: latent-classes, options: {examples: 400, task-seed: 1}}
                epochs: 2
            dataset:
              name: latent-classes
              limit: 80
              options: {examples: 300, task-seed: 2}
            training:
              epochs: 2
              batch-size: 16
            grid:
              freeze: [all, 1, 0]
              lr: [0.003]
            """;

    private TestSuites() {}

    public static Path write(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResolvedSuite loadProfile(Path dir, String yaml, String profile, String... sets) {
        Path file = write(dir, "suite", yaml);
        return new SuiteLoader(Catalog.discover(), dir)
                .load(file.toString(), profile, Arrays.stream(sets).map(FieldOverride::parse).toList());
    }

    public static ResolvedSuite load(Path dir, String yaml, String... sets) {
        return loadProfile(dir, yaml, SuiteLoader.DEFAULT_PROFILE, sets);
    }
}
