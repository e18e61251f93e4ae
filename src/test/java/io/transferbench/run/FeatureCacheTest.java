package io.transferbench.run;

import io.transferbench.RunRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.transferbench.TestSuites;
import io.transferbench.results.CellRecord;
import io.transferbench.train.FeatureStore;
import io.transferbench.train.TrainingOutcome;

import java.nio.file.Files;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frozen stages run once per run, not once per step: the first cell that freezes a depth computes
 * their outputs, later cells reuse them, and the results are what running the frozen stages every
 * step gives (they run in inference mode either way; only float rounding may differ).
 */
class FeatureCacheTest {

    private static final String[] GRID = {"grid.strategy=finetune,lp-ft", "grid.freeze=all,1", "grid.seeds=1,2"};

    @TempDir
    Path cached;

    @TempDir
    Path uncached;

    @Test
    void cellsComputeFrozenOutputsOnceReuseThemAndMatchRunningThemEveryStep() {
        RunFixture.run(cached, TestSuites.BASE, GRID);
        RunFixture.run(uncached, TestSuites.BASE, with("training.feature-cache=false"));
        Map<String, CellRecord> on = byLabel(RunRecords.of(cached.resolve("run")));
        Map<String, CellRecord> off = byLabel(RunRecords.of(uncached.resolve("run")));

        assertEquals(List.of("finetune freeze=1 seed=1: computed", "finetune freeze=1 seed=2: reused",
                        "finetune freeze=all seed=1: computed", "finetune freeze=all seed=2: reused",
                        "lp-ft freeze=1 seed=1: reused", "lp-ft freeze=1 seed=2: reused"),
                on.values().stream().map(r -> key(r) + ": " + r.featureCache()).sorted().toList(),
                "lp-ft's probe phase and its freeze-1 phase find both depths cached");
        off.values().forEach(r -> assertEquals(TrainingOutcome.CACHE_OFF, r.featureCache(), key(r)));
        on.values().stream().filter(r -> r.featureCache().equals(TrainingOutcome.CACHE_REUSED))
                .forEach(r -> assertEquals(0.0, r.featureSeconds(), key(r)));

        assertEquals(on.keySet(), off.keySet());
        on.forEach((label, r) -> {
            CellRecord o = off.get(label);
            assertEquals(o.test().get("accuracy"), r.test().get("accuracy"), 1e-9, label);
            assertEquals(o.test().get("loss"), r.test().get("loss"), 1e-4, label);
            assertEquals(o.bestEpoch(), r.bestEpoch(), label);
        });
    }

    @TempDir
    Path store;

    @Test
    void featuresOnDiskServeLaterRunsWithTheSameResultsAndACorruptEntryIsComputedAgain() throws Exception {
        FeatureStore disk = new FeatureStore(store.resolve("features"), 1L << 30);
        for (String run : new String[] {"first", "second", "third"}) {
            Files.createDirectories(cached.resolve(run));
        }
        RunFixture.run(cached.resolve("first"), disk, TestSuites.BASE, GRID);
        RunFixture.run(cached.resolve("second"), disk, TestSuites.BASE, GRID);
        Map<String, CellRecord> first = byLabel(RunRecords.of(cached.resolve("first/run")));
        Map<String, CellRecord> second = byLabel(RunRecords.of(cached.resolve("second/run")));
        assertEquals(List.of("finetune freeze=1 seed=1: computed", "finetune freeze=1 seed=2: loaded",
                        "finetune freeze=all seed=1: computed", "finetune freeze=all seed=2: loaded",
                        "lp-ft freeze=1 seed=1: loaded", "lp-ft freeze=1 seed=2: loaded"),
                first.values().stream().map(r -> key(r) + ": " + r.featureCache()).sorted().toList(),
                "with a store, memory keeps no entry from one cell to the next: later cells load it");
        second.values().forEach(r -> assertEquals(TrainingOutcome.CACHE_LOADED, r.featureCache(),
                "a new process finds what the first one stored: " + key(r)));
        first.forEach((label, r) -> assertEquals(RunRecords.results(r), RunRecords.results(second.get(label)), label));

        List<Path> entries;
        try (var files = Files.list(store.resolve("features"))) {
            entries = files.filter(p -> p.toString().endsWith(".features")).toList();
        }
        assertEquals(2, entries.size(), "one entry per frozen depth");
        byte[] bytes = Files.readAllBytes(entries.get(0));
        bytes[bytes.length / 2] ^= 1;
        Files.write(entries.get(0), bytes);
        RunFixture.run(cached.resolve("third"), disk, TestSuites.BASE, GRID);
        Map<String, CellRecord> third = byLabel(RunRecords.of(cached.resolve("third/run")));
        assertEquals(1, third.values().stream().filter(r -> r.featureCache().equals(TrainingOutcome.CACHE_COMPUTED))
                .count(), "the damaged entry is computed again, the intact one loaded");
        first.forEach((label, r) -> assertEquals(RunRecords.results(r), RunRecords.results(third.get(label)), label));
    }

    @Test
    void gradualCellsUnfreezingMidEpochServeEachDepthFromTheCacheWithTheSameResults() {
        String[] gradual = {"grid.strategy=gradual", "grid.freeze=1,0", "grid.seeds=1,2",
                "training.gradual.unfreeze-every-steps=2"};
        RunFixture.run(cached, TestSuites.BASE, gradual);
        String[] off = java.util.Arrays.copyOf(gradual, gradual.length + 1);
        off[gradual.length] = "training.feature-cache=false";
        RunFixture.run(uncached, TestSuites.BASE, off);
        Map<String, CellRecord> on = byLabel(RunRecords.of(cached.resolve("run")));
        Map<String, CellRecord> without = byLabel(RunRecords.of(uncached.resolve("run")));
        assertEquals(List.of("gradual freeze=0 seed=1: reused", "gradual freeze=0 seed=2: reused",
                        "gradual freeze=1 seed=1: computed", "gradual freeze=1 seed=2: reused"),
                on.values().stream().map(r -> key(r) + ": " + r.featureCache()).sorted().toList(),
                "the first cell computes every depth it passes through, the others find them");
        on.forEach((label, r) -> {
            CellRecord o = without.get(label);
            assertEquals(o.test().get("accuracy"), r.test().get("accuracy"), 1e-9, label);
            assertEquals(o.test().get("loss"), r.test().get("loss"), 1e-4, label);
            assertEquals(o.bestEpoch(), r.bestEpoch(), label);
            assertEquals(o.curve().size(), r.curve().size(), label);
            for (int e = 0; e < o.curve().size(); e++) {
                assertEquals(o.curve().get(e).valLoss(), r.curve().get(e).valLoss(), 1e-6,
                        label + " epoch " + (e + 1) + ": every epoch, before and after each unfreeze");
            }
        });
    }

    private static String[] with(String extra) {
        String[] sets = java.util.Arrays.copyOf(GRID, GRID.length + 1);
        sets[GRID.length] = extra;
        return sets;
    }

    private static String key(CellRecord r) {
        return r.config().get("strategy").asText() + " freeze=" + r.config().get("freeze").asText() + " seed=" + r.seed();
    }

    private static Map<String, CellRecord> byLabel(Map<String, CellRecord> records) {
        return records.values().stream().collect(Collectors.toMap(FeatureCacheTest::key, Function.identity()));
    }
}
