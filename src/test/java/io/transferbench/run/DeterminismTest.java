package io.transferbench.run;

import io.transferbench.RunRecords;
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
        Map<String, CellRecord> a = RunRecords.of(first.resolve("run"));
        Map<String, CellRecord> b = RunRecords.of(second.resolve("run"));
        assertEquals(a.keySet(), b.keySet());
        assertEquals(8, a.size());
        a.forEach((id, r) -> assertEquals(RunRecords.results(r), RunRecords.results(b.get(id)), "cell " + id));
        assertEquals(8, a.values().stream().filter(r -> CellRecord.OK.equals(r.status())).count());
    }

    @Test
    void differentSeedsGiveDifferentResults() {
        RunFixture.run(first, TestSuites.BASE, "grid.freeze=0", "grid.seeds=1,2");
        var records = RunRecords.of(first.resolve("run")).values().stream().toList();
        assertNotEquals(RunRecords.results(records.get(0)), RunRecords.results(records.get(1)));
    }
}
