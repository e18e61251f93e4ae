package io.transferbench.suite;

import io.transferbench.spec.CellSpec;
import io.transferbench.spec.FreezeDepth;
import io.transferbench.spec.ScheduleKind;
import io.transferbench.spec.Strategy;
import io.transferbench.TestSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridTest {

    @TempDir
    Path dir;

    private Grid.Expansion expand(String yaml, String... sets) {
        return Grid.expand(TestSuites.load(dir, yaml, sets), m -> 3, spec -> "assets");
    }

    @Test
    void expandsTheCrossProductInAFixedOrderWithSeedsInnermost() {
        Grid.Expansion e = expand(TestSuites.BASE, "grid.schedule=constant,one-cycle", "grid.seeds=1,2");
        assertEquals(3 * 2 * 2, e.cells().size());
        List<String> labels = e.cells().stream().map(Cell::label).toList();
        assertEquals("finetune freeze=all constant lr=0.003 seed=1", labels.get(0));
        assertEquals("finetune freeze=all constant lr=0.003 seed=2", labels.get(1));
        assertEquals("finetune freeze=all one-cycle lr=0.003 seed=1", labels.get(2));
        assertEquals("finetune freeze=0 one-cycle lr=0.003 seed=2", labels.get(11));
        for (int i = 0; i < e.cells().size(); i++) {
            assertEquals(i, e.cells().get(i).index());
        }
    }

    @Test
    void combinationsAreTheProductOfAxisLengthsCountedWithoutExpanding() {
        // freeze 3 x lr 1 x the defaults (one strategy, schedule, layer decay and seed)
        assertEquals(3, Grid.combinations(TestSuites.load(dir, TestSuites.BASE)));
        ResolvedSuite wide = TestSuites.load(dir, TestSuites.BASE, "grid.schedule=constant,one-cycle",
                "grid.seeds=1,2,3", "grid.training.weight-decay=0,0.1", "grid.strategy=finetune,scratch");
        assertEquals(3 * 2 * 3 * 2 * 2, Grid.combinations(wide));
        assertEquals(Grid.expand(wide, m -> 3, spec -> "a").combinations(), Grid.combinations(wide));
    }

    @Test
    void cellIdsAreStableAcrossExpansionsAndUnique() {
        List<String> first = expand(TestSuites.BASE).cells().stream().map(Cell::id).toList();
        List<String> second = expand(TestSuites.BASE).cells().stream().map(Cell::id).toList();
        assertEquals(first, second);
        assertEquals(first.size(), first.stream().distinct().count());
        assertTrue(first.stream().allMatch(id -> id.matches("[0-9a-f]{16}")));
    }

    @Test
    void cellIdChangesWithAnyResolvedSettingOrAssetChecksum() {
        String base = expand(TestSuites.BASE).cells().get(0).id();
        assertNotEquals(base, expand(TestSuites.BASE, "training.batch-size=8").cells().get(0).id());
        assertNotEquals(base, expand(TestSuites.BASE, "dataset.limit=60").cells().get(0).id());
        String otherAssets = Grid.expand(TestSuites.load(dir, TestSuites.BASE), m -> 3, spec -> "other").cells().get(0).id();
        assertNotEquals(base, otherAssets);
    }

    @Test
    void equivalentCombinationsAreFoldedAndLpFtWithAllFrozenIsDropped() {
        Grid.Expansion e = expand(TestSuites.BASE, "grid.strategy=finetune,lp-ft,scratch", "grid.layer-decay=1.0,0.5");
        // finetune: all (decay moot) + 1 x2 + 0 x2 = 5; lp-ft: 1 x2 + 0 x2 = 4 (all dropped); scratch: 1
        assertEquals(10, e.cells().size());
        assertEquals(3 * 3 * 2, e.combinations());
        assertEquals(8, e.folded());
        Cell scratch = e.cells().get(e.cells().size() - 1);
        assertEquals(Strategy.SCRATCH, scratch.spec().strategy());
        assertEquals(FreezeDepth.NONE, scratch.spec().freeze());
        assertEquals(1.0, scratch.spec().layerDecay());
    }

    @Test
    void gradualWithAllFrozenIsDroppedAndOnlyGradualCellsCarryItsSettings() {
        Grid.Expansion plain = expand(TestSuites.BASE, "grid.strategy=finetune,lp-ft");
        Grid.Expansion e = expand(TestSuites.BASE, "grid.strategy=finetune,lp-ft,gradual",
                "training.gradual.unfreeze-every-steps=3");
        // gradual: 1 and 0 (all dropped)
        assertEquals(plain.cells().size() + 2, e.cells().size());
        assertEquals(plain.cells().stream().map(Cell::id).toList(),
                e.cells().subList(0, plain.cells().size()).stream().map(Cell::id).toList(),
                "a setting only gradual cells read changes no other cell's identity");
        e.cells().forEach(c -> assertEquals(c.spec().strategy() == Strategy.GRADUAL, c.spec().training().gradual() != null,
                c.spec().strategy() + " " + c.spec().freeze()));
        assertEquals(3, e.cells().get(e.cells().size() - 1).spec().training().gradual().unfreezeEverySteps());
        assertEquals(1.0, expand(TestSuites.BASE, "grid.strategy=gradual", "grid.freeze=0", "training.epochs=4")
                .cells().get(0).spec().training().gradual().unfreezeEveryEpochs(), "one epoch unless the suite says");
    }

    @Test
    void freezingEveryStageIsTheSameCellAsAll() {
        Grid.Expansion e = expand(TestSuites.BASE, "grid.freeze=all,3");
        assertEquals(1, e.cells().size());
        assertTrue(e.cells().get(0).spec().freeze().all());
    }

    @Test
    void extraAxesSetAnySuiteField() {
        Grid.Expansion e = expand(TestSuites.BASE + "  training.weight-decay: [0.0, 0.1]\n", "grid.freeze=0");
        assertEquals(2, e.cells().size());
        assertEquals(0.0, e.cells().get(0).spec().training().weightDecay());
        assertEquals(0.1, e.cells().get(1).spec().training().weightDecay());
    }

    @Test
    void defaultsAreResolvedIntoTheCell() {
        CellSpec s = expand(TestSuites.BASE).cells().get(0).spec();
        assertEquals("adamw", s.training().optimizer());
        assertEquals(0.1, s.training().warmupRatio());
        assertEquals(ScheduleKind.CONSTANT, s.schedule());
        assertEquals(1L, s.seed());
        assertTrue(Grid.canonical(s).contains("\"warmup-ratio\":0.1"));
    }

    @Test
    void aGridAxisMayBeSetAsTheSuiteFileWritesAList() {
        List<String> plain = expand(TestSuites.BASE, "grid.freeze=all,0").cells().stream().map(Cell::label).toList();
        assertEquals(plain, expand(TestSuites.BASE, "grid.freeze=[all, 0]").cells().stream().map(Cell::label).toList());
        assertEquals(plain, expand(TestSuites.BASE, "grid.freeze=[all,0]").cells().stream().map(Cell::label).toList());
        io.transferbench.BenchException nested = org.junit.jupiter.api.Assertions.assertThrows(
                io.transferbench.BenchException.class, () -> expand(TestSuites.BASE, "grid.freeze=[[all], 0]"));
        assertTrue(nested.getMessage().contains("--set grid.freeze=[[all], 0]: a list of values is [a, b] or a,b"),
                nested.getMessage());
    }
}
