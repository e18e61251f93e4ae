package io.transferbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.transferbench.data.BatchPlan;
import io.transferbench.models.StageFlops;

import org.junit.jupiter.api.Test;

class ExampleTallyTest {

    @Test
    void aCostThatDependsOnLengthIsAveragedOverTheExamplesThatRan() {
        ExampleTally<Integer> lengths = new ExampleTally<>();
        lengths.add(10, 3);
        lengths.add(20, 1);
        lengths.add(10, 4);
        // Quadratic, like attention: (7 x 100 + 1 x 400) / 8.
        assertEquals(138, lengths.mean(length -> (long) length * length, -1));
        assertEquals(-1, new ExampleTally<Integer>().mean(length -> 1, -1), "nothing ran");
    }

    @Test
    void stageFlopsAtTheBuiltForShapeStandInForSetsOfOneShape() {
        StageFlops quadratic = StageFlops.perLength(64, length -> new long[] {(long) length * length});
        assertEquals(4096, quadratic.at(BatchPlan.FIXED_SHAPE)[0]);
        assertEquals(100, quadratic.at(10)[0]);
        assertEquals(7, StageFlops.fixed(new long[] {7}).at(10)[0]);
    }
}
