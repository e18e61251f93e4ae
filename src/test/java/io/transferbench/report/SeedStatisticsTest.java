package io.transferbench.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedStatisticsTest {

    @Test
    void intervalUsesStudentsTWithNMinusOneDegreesOfFreedom() {
        // Critical values from any t table: df 1, 2, 9; the normal 1.96 would be far too narrow.
        assertEquals(12.706, SeedStatistics.tQuantile(1), 1e-3);
        assertEquals(4.303, SeedStatistics.tQuantile(2), 1e-3);
        assertEquals(2.262, SeedStatistics.tQuantile(9), 1e-3);

        SeedStatistics s = SeedStatistics.of(List.of(1.0, 2.0, 3.0));
        assertEquals(3, s.n());
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.sd(), 1e-12);
        assertEquals(4.303 / Math.sqrt(3), s.halfWidth(), 1e-3);
        assertEquals(2.0 - s.halfWidth(), s.low(), 1e-12);
        assertEquals(2.0 + s.halfWidth(), s.high(), 1e-12);
    }

    @Test
    void oneSeedHasAMeanButNoIntervalAndMissingValuesAreLeftOut() {
        SeedStatistics one = SeedStatistics.of(Arrays.asList(0.7, null, Double.NaN));
        assertEquals(1, one.n());
        assertEquals(0.7, one.mean(), 1e-12);
        assertFalse(one.hasInterval());
        assertTrue(Double.isNaN(one.low()));

        SeedStatistics none = SeedStatistics.of(List.of());
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()));
        assertEquals("–", Formats.metric(none));
        assertEquals("0.700", Formats.metric(one));
        assertEquals("2.000 ± 2.484", Formats.metric(SeedStatistics.of(List.of(1.0, 2.0, 3.0))));
    }

    @Test
    void welchIntervalOfADifferenceDecidesWhatIsWithinNoise() {
        // a = {1,2,3}, b = {4,5,6}: difference 3, standard error sqrt(2/3), Welch df 4, t = 2.776.
        MeanDifference d = MeanDifference.between(SeedStatistics.of(List.of(1.0, 2.0, 3.0)),
                SeedStatistics.of(List.of(4.0, 5.0, 6.0)));
        assertEquals(3.0, d.delta(), 1e-12);
        assertEquals(3.0 - 2.776 * Math.sqrt(2.0 / 3), d.low(), 1e-3);
        assertEquals(3.0 + 2.776 * Math.sqrt(2.0 / 3), d.high(), 1e-3);
        assertEquals(MeanDifference.Verdict.HIGHER, d.verdict());

        MeanDifference reversed = MeanDifference.between(SeedStatistics.of(List.of(4.0, 5.0, 6.0)),
                SeedStatistics.of(List.of(1.0, 2.0, 3.0)));
        assertEquals(MeanDifference.Verdict.LOWER, reversed.verdict());

        MeanDifference overlap = MeanDifference.between(SeedStatistics.of(List.of(1.0, 2.0, 3.0)),
                SeedStatistics.of(List.of(1.5, 2.5, 3.5)));
        assertEquals(MeanDifference.Verdict.WITHIN_NOISE, overlap.verdict());
        assertTrue(overlap.low() < 0 && overlap.high() > 0);
    }

    @Test
    void welchDegreesOfFreedomShrinkWhenOneSideIsNoisier() {
        // Unequal spreads and sizes: df = (va+vb)^2 / (va^2/(na-1) + vb^2/(nb-1)), computed by hand as 2.93.
        SeedStatistics quiet = SeedStatistics.of(List.of(10.0, 10.1, 9.9, 10.0, 10.05, 9.95));
        SeedStatistics noisy = SeedStatistics.of(List.of(8.0, 12.0, 11.0, 9.0));
        double va = quiet.varianceOfMean();
        double vb = noisy.varianceOfMean();
        double df = (va + vb) * (va + vb) / (va * va / 5 + vb * vb / 3);
        MeanDifference d = MeanDifference.between(quiet, noisy);
        assertEquals(SeedStatistics.tQuantile(df) * Math.sqrt(va + vb), d.high() - d.delta(), 1e-12);
        assertTrue(df > 3.0 && df < 3.2, "df " + df);
        assertEquals(MeanDifference.Verdict.WITHIN_NOISE, d.verdict());
    }

    @Test
    void oneSeedOnEitherSideIsTooFewAndIdenticalRepeatsAreExact() {
        MeanDifference single = MeanDifference.between(SeedStatistics.of(List.of(1.0)),
                SeedStatistics.of(List.of(2.0, 3.0)));
        assertEquals(MeanDifference.Verdict.TOO_FEW_SEEDS, single.verdict());
        assertTrue(Double.isNaN(single.low()));

        // The same seeds on the same machine give bit-identical metrics: no spread, nothing is noise.
        SeedStatistics same = SeedStatistics.of(List.of(0.75, 0.75, 0.75));
        assertEquals(MeanDifference.Verdict.WITHIN_NOISE, MeanDifference.between(same, same).verdict());
        assertEquals(MeanDifference.Verdict.HIGHER,
                MeanDifference.between(same, SeedStatistics.of(List.of(0.8, 0.8, 0.8))).verdict());
    }
}
