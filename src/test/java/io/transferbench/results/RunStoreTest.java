package io.transferbench.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.BenchException;
import io.transferbench.Mappers;
import io.transferbench.TestSuites;
import io.transferbench.suite.Cell;
import io.transferbench.suite.ConfigSchema;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ResolvedSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run directory resumes only the same configuration, config version, assets and hardware. */
class RunStoreTest {

    @TempDir
    Path dir;

    private static EnvironmentInfo env(String cpu) {
        return new EnvironmentInfo("now", "host", null, "linux", cpu, null, null, null, 2, 2, 1L << 34, "jvm", "0.36.0",
                "PyTorch", "2.7.1", 2, null, "cpu", List.of(), null, "0.1", "abc");
    }

    private static List<Cell> plan(ResolvedSuite suite) {
        return plan(suite, "assets-v1");
    }

    private static List<Cell> plan(ResolvedSuite suite, String assets) {
        return Grid.expand(suite, model -> 3, spec -> assets).cells();
    }

    private static RunStore open(Path run, ResolvedSuite suite, EnvironmentInfo env) {
        return RunStore.open(run, suite, plan(suite), env);
    }

    /** A finished record of a planned cell, with the config and version a harness wrote. */
    private static CellRecord record(Cell cell, ObjectNode config, Integer version) {
        return record(cell, config, version, CellRecord.OK);
    }

    private static CellRecord record(Cell cell, ObjectNode config, Integer version, String status) {
        return new CellRecord(cell.id(), cell.index(), cell.label(), status, null, config, version,
                cell.spec().seed(), Map.of(), Map.of(), Map.of("accuracy", 0.5), Map.of("accuracy", 0.5), Map.of(), null, 1,
                List.of(), 1, 1, 0, null, null, 1, 1, null, 1, 1, null, null, null, "off", 0, "cpu", null, null, null, null);
    }

    @Test
    void reopeningWithTheSameSuiteResumes() {
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE);
        open(dir.resolve("run"), suite, env("cpu-a"));
        assertDoesNotThrow(() -> open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-a")));
    }

    @Test
    void aChangedConfigurationIsRefusedInsteadOfMixedIn() {
        open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        ResolvedSuite changed = TestSuites.load(dir, TestSuites.BASE, "training.batch-size=8");
        BenchException e = assertThrows(BenchException.class, () -> open(dir.resolve("run"), changed, env("cpu-a")));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
        assertTrue(e.getMessage().contains("training.batch-size (16 vs 8)"), e.getMessage());
    }

    @Test
    void aRunDirectoryOfAnOlderConfigVersionIsRefusedAndSaysWhichSettingsDiffer() throws Exception {
        Path run = dir.resolve("run");
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE);
        RunStore store = open(run, suite, env("cpu-a"));
        // What a harness before config versions left: no run.json, a record without a version
        // whose config lacks the settings that harness did not have.
        Cell first = plan(suite).get(0);
        ObjectNode old = Mappers.SUITE.valueToTree(first.spec());
        ((ObjectNode) old.get("training")).remove(List.of("feature-cache", "head-lr-scale"));
        store.write(record(first, old, null), List.of());
        Files.delete(run.resolve(RunManifest.FILE));
        List<Path> before = listing(run);

        BenchException e = assertThrows(BenchException.class, () -> open(run, suite, env("cpu-a")));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("config version 1"), e.getMessage());
        assertTrue(e.getMessage().contains("training.feature-cache ((absent) vs true)"), e.getMessage());
        assertTrue(e.getMessage().contains("training.head-lr-scale"), e.getMessage());
        assertEquals(before, listing(run), "a refused resume writes nothing");
    }

    @Test
    void recordsOfCellsThePlanNoLongerHoldsAreRefused() {
        Path run = dir.resolve("run");
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE);
        RunStore store = open(run, suite, env("cpu-a"));
        Cell first = plan(suite).get(0);
        store.write(record(first, Mappers.SUITE.valueToTree(first.spec()), ConfigSchema.CURRENT), List.of());
        // Same suite, but an asset's digest changed: every cell id changes with it.
        BenchException e = assertThrows(BenchException.class,
                () -> RunStore.open(run, suite, plan(suite, "assets-v2"), env("cpu-a")));
        assertTrue(e.getMessage().contains("holds cells this plan does not"), e.getMessage());
    }

    @Test
    void recordsCarryEveryDefaultOfTheSuite() {
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE);
        // Option defaults the suite never wrote are in the resolved tree, so in every record.
        assertEquals(4, suite.tree().at("/dataset/options/classes").asInt());
        assertEquals(0.1, suite.tree().at("/dataset/options/noise").asDouble());
        assertEquals(1, suite.tree().at("/model/pretrain/dataset/options/world-seed").asInt());
        ObjectNode config = Mappers.SUITE.valueToTree(plan(suite).get(0).spec());
        assertTrue(config.at("/training/feature-cache").isBoolean());
        assertEquals(2, config.at("/training/probe-epochs").asInt());
    }

    private static List<Path> listing(Path run) throws java.io.IOException {
        try (var files = Files.walk(run)) {
            return files.sorted().toList();
        }
    }

    @Test
    void otherHardwareIsRefused() {
        open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        BenchException e = assertThrows(BenchException.class,
                () -> open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-b")));
        assertTrue(e.getMessage().contains("other hardware"), e.getMessage());
    }

    @Test
    void leftoverTempFilesFromAKilledWriteAreRemovedAndNeverReadAsRecords() throws Exception {
        Path run = dir.resolve("run");
        open(run, TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        Path partial = run.resolve("cells").resolve(AtomicFiles.TEMP_PREFIX + "abc.json-123");
        Files.writeString(partial, "{\"cell_id\": \"abc\", \"sta");
        RunStore store = open(run, TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        assertFalse(Files.exists(partial));
        assertTrue(store.records().isEmpty());
    }

    @Test
    void statusTellsDoneFailedRunningAndMissingCellsFromTheDirectoryAlone() throws Exception {
        Path run = dir.resolve("run");
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE, "grid.seeds=1,2,3,4,5");
        List<Cell> cells = plan(suite);
        assertTrue(cells.size() >= 5, "the grid has cells for every state, and two missing");
        RunStore store = open(run, suite, env("cpu-a"));
        ObjectNode config = Mappers.SUITE.valueToTree(cells.get(0).spec());
        store.write(record(cells.get(0), config, ConfigSchema.CURRENT), List.of());
        store.write(record(cells.get(1), Mappers.SUITE.valueToTree(cells.get(1).spec()), ConfigSchema.CURRENT,
                CellRecord.FAILED), List.of());
        store.markRunning(cells.get(2).id());
        // a mark left by a process that is gone counts as missing, not running
        java.nio.file.Files.write(store.runningDir().resolve(cells.get(3).id()),
                new RunningMark(999_999_999L, RunningMark.localHost(), java.time.Instant.now(), null).bytes());

        RunStatus status = RunStatus.of(run);
        assertTrue(status.planKnown());
        assertEquals(1, status.count(CellRecord.OK));
        assertEquals(1, status.count(CellRecord.FAILED));
        assertEquals(1, status.count(RunStatus.RUNNING));
        assertEquals(cells.size() - 3, status.count(RunStatus.MISSING));
        assertEquals(cells.get(2).id(), status.byState().get(RunStatus.RUNNING).get(0).cellId());
        assertFalse(status.complete());
    }

    @Test
    void sharedWritersLeaveEachOthersTempFilesAndTheCsvsAlone() throws Exception {
        Path run = dir.resolve("run");
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE);
        List<Cell> cells = plan(suite);
        RunStore.open(run, suite, cells, null, RunStore.Access.SHARED);
        assertFalse(Files.exists(run.resolve("env.json")), "a submitting host records no hardware");
        Path inFlight = run.resolve("cells").resolve(AtomicFiles.TEMP_PREFIX + "other.json-1");
        Files.writeString(inFlight, "{\"cell_id\": \"other\", \"sta");

        RunStore task = RunStore.open(run, suite, cells, env("cpu-a"), RunStore.Access.SHARED);
        assertTrue(Files.exists(inFlight), "another task's write in progress");
        assertTrue(Files.exists(run.resolve("env.json")), "the first task to run records its hardware");
        task.write(record(cells.get(0), Mappers.SUITE.valueToTree(cells.get(0).spec()), ConfigSchema.CURRENT), List.of());
        assertFalse(Files.exists(run.resolve("results.csv")), "CSVs wait for bench report --csv");
        BenchException other = assertThrows(BenchException.class,
                () -> RunStore.open(run, suite, cells, env("cpu-b"), RunStore.Access.SHARED));
        assertTrue(other.getMessage().contains("other hardware"), other.getMessage());

        RunStore.writeCsvs(run);
        assertEquals(2, Files.readAllLines(run.resolve("results.csv")).size(), "header and the one record");
    }

    @Test
    void aCellRunningElsewhereIsNotOneOfMine() throws Exception {
        Path run = dir.resolve("run");
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE);
        List<Cell> cells = plan(suite);
        RunStore store = RunStore.open(run, suite, cells, env("cpu-a"), RunStore.Access.SHARED);
        store.markRunning(cells.get(0).id());
        Files.write(store.runningDir().resolve(cells.get(1).id()),
                new RunningMark(1, "another-host", java.time.Instant.now(), null).bytes());
        assertEquals(java.util.Set.of(cells.get(1).id()), store.runningElsewhere());
        assertEquals(java.util.Set.of(cells.get(0).id(), cells.get(1).id()), RunStore.liveMarks(run));
    }
}
