package io.transferbench.train;

import io.transferbench.Mappers;
import io.transferbench.spec.ScheduleKind;
import io.transferbench.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleTest {

    private static final long TOTAL = 100;
    private static final long PER_EPOCH = 10;

    private static TrainingSpec training(Map<String, Object> fields) {
        Map<String, Object> all = new java.util.HashMap<>(fields);
        all.put("epochs", 10);
        return Mappers.SUITE.convertValue(all, TrainingSpec.class);
    }

    private static Schedule schedule(String kind, Map<String, Object> fields) {
        return Schedule.of(kind, training(fields), TOTAL, PER_EPOCH);
    }

    @Test
    void constantStaysAtTheBaseRate() {
        Schedule s = schedule(ScheduleKind.CONSTANT, Map.of());
        for (long step = 0; step < TOTAL; step++) {
            assertEquals(1.0, s.factor(step));
        }
    }

    @Test
    void stepDecaysByGammaEveryNEpochs() {
        Schedule s = schedule(ScheduleKind.STEP, Map.of("step", Map.of("every-epochs", 3, "gamma", 0.1)));
        assertEquals(1.0, s.factor(0));
        assertEquals(1.0, s.factor(29));
        assertEquals(0.1, s.factor(30), 1e-12);
        assertEquals(0.01, s.factor(60), 1e-12);
        assertEquals(0.001, s.factor(99), 1e-12);
    }

    @Test
    void warmupCosineRampsLinearlyThenFollowsAHalfCosineToZero() {
        Schedule s = schedule(ScheduleKind.WARMUP_COSINE, Map.of("warmup-ratio", 0.1));
        assertEquals(0.1, s.factor(0), 1e-12, "first step is 1/warmup, never 0");
        assertEquals(0.5, s.factor(4), 1e-12);
        assertEquals(1.0, s.factor(9), 1e-12);
        assertEquals(1.0, s.factor(10), 1e-12, "peak right after warmup");
        assertEquals(0.5, s.factor(55), 1e-12, "half way through the decay");
        assertEquals(0.0, s.factor(100), 1e-12);
        for (long step = 10; step < TOTAL; step++) {
            assertTrue(s.factor(step + 1) <= s.factor(step), "monotone after warmup at " + step);
        }
    }

    @Test
    void warmupCanBeGivenInSteps() {
        Schedule s = schedule(ScheduleKind.WARMUP_LINEAR, Map.of("warmup-steps", 20));
        assertEquals(0.05, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(19), 1e-12);
        assertEquals(1.0, s.factor(20), 1e-12);
        assertEquals(0.5, s.factor(60), 1e-12);
        assertEquals(0.0, s.factor(100), 1e-12);
    }

    @Test
    void warmupDefaultsToTenPercentOfTheSteps() {
        Schedule s = schedule(ScheduleKind.WARMUP_LINEAR, Map.of());
        assertEquals(0.1, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(10), 1e-12);
    }

    @Test
    void oneCycleRisesFromLrOverDivToLrThenAnnealsToLrOverDivTimesFinalDiv() {
        Schedule s = schedule(ScheduleKind.ONE_CYCLE,
                Map.of("one-cycle", Map.of("pct-start", 0.3, "div-factor", 25.0, "final-div-factor", 1e4)));
        assertEquals(1.0 / 25, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(29), 1e-12, "peak at pct-start of the steps");
        assertEquals(1.0 / 25 / 1e4, s.factor(99), 1e-12);
        for (long step = 0; step < 29; step++) {
            assertTrue(s.factor(step + 1) > s.factor(step));
        }
        for (long step = 29; step < 99; step++) {
            assertTrue(s.factor(step + 1) < s.factor(step));
        }
    }
}
