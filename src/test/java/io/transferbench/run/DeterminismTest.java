package io.transferbench.run;

import io.transferbench.TestSuites;
import io.transferbench.results.CellRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Same suite, seed and machine: identical metrics and learning curves. */
class DeterminismTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void sameSuiteAndSeedGiveIdenticalResults() {
        String[] sets = {"grid.strategy=finetune,lp-ft,scratch", "grid.freeze=all,1", "grid.seeds=1,2"};
        RunFixture.run(first, TestSuites.BASE, sets);
        RunFixture.run(second, TestSuites.BASE, sets);
        Map<String, CellRecord> a = RunFixture.records(first.resolve("run"));
        Map<String, CellRecord> b = RunFixture.records(second.resolve("run"));
        assertEquals(a.keySet(), b.keySet());
        assertEquals(8, a.size());
        a.forEach((id, r) -> assertEquals(RunFixture.results(r), RunFixture.results(b.get(id)), "cell " + id));
        assertEquals(8, a.values().stream().filter(r -> CellRecord.OK.equals(r.status())).count());
    }

    @Test
    void differentSeedsGiveDifferentResults() {
        RunFixture.run(first, TestSuites.BASE, "grid.freeze=0", "grid.seeds=1,2");
        var records = RunFixture.records(first.resolve("run")).values().stream().toList();
        assertNotEquals(RunFixture.results(records.get(0)), RunFixture.results(records.get(1)));
    }
}
