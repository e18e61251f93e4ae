package io.transferbench.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named evaluation sets: test first, names checked, and carried through input conversion. */
class SplitsTest {

    private static final Splits BASE = new Splits(new SizedExamples(10), new SizedExamples(3), new SizedExamples(4), List.of("a", "b"),
            new long[] {2}, Map.of());

    @Test
    void testComesFirstThenTheDatasetsOtherSetsInItsOrder() {
        Splits named = BASE.withOtherTests(new java.util.LinkedHashMap<>(Map.of("test-ood", new SizedExamples(5))));
        assertEquals(List.of("test", "test-ood"), List.copyOf(named.testSets().keySet()));
        assertSame(named.test(), named.testSets().get(Splits.TEST));
        assertTrue(BASE.otherTests().isEmpty());
    }

    @Test
    void namesMustBeTestDashWords() {
        for (String bad : List.of("test", "val", "ood", "test-", "test-OOD", "test ood")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BASE.withOtherTests(Map.of(bad, new SizedExamples(1))), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void convertingInputsConvertsEverySet() {
        Splits named = BASE.withOtherTests(Map.of("test-seen", new SizedExamples(5)));
        Splits doubled = named.withInputs(set -> new SizedExamples(2 * set.size()), new long[] {7});
        assertEquals(List.of(20, 6, 8, 10), List.of(doubled.train().size(), doubled.val().size(), doubled.test().size(),
                doubled.otherTests().get("test-seen").size()));
        assertEquals(7, doubled.inputShape()[0]);
    }
}
