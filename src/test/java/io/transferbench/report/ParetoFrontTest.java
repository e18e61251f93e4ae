package io.transferbench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParetoFrontTest {

    record Option(String name, double cost, double quality) {}

    @Test
    void keepsOnlyConfigurationsNoneBeatsAtTheSameOrLowerCost() {
        List<Option> options = List.of(new Option("probe", 1, 0.46), new Option("partial", 2, 0.70),
                new Option("slow-and-worse", 3, 0.65), new Option("full", 4, 0.76), new Option("same-cost-worse", 4, 0.70),
                new Option("lpft", 5, 0.78), new Option("pricier-no-better", 6, 0.78),
                new Option("unmeasured", Double.NaN, 0.99));
        List<Option> front = ParetoFront.of(options, Option::cost, Option::quality, true);
        assertEquals(List.of("probe", "partial", "full", "lpft"), front.stream().map(Option::name).toList());
    }

    @Test
    void forALossLowerIsBetter() {
        List<Option> options = List.of(new Option("a", 1, 0.9), new Option("b", 2, 0.5), new Option("c", 3, 0.7));
        assertEquals(List.of("a", "b"),
                ParetoFront.of(options, Option::cost, Option::quality, false).stream().map(Option::name).toList());
    }
}
