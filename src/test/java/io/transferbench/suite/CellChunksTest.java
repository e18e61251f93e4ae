package io.transferbench.suite;

import io.transferbench.BenchException;
import io.transferbench.TestSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A grid cut into numbered chunks for cluster tasks. */
class CellChunksTest {

    @TempDir
    Path dir;

    private List<Cell> cells(int seeds) {
        StringBuilder list = new StringBuilder();
        for (int s = 1; s <= seeds; s++) {
            list.append(s == 1 ? "" : ",").append(s);
        }
        return Grid.expand(TestSuites.load(dir, TestSuites.BASE, "grid.seeds=" + list), model -> 3, spec -> "a").cells();
    }

    @Test
    void chunksCoverTheCellsInGridOrderOnce() {
        List<Cell> cells = cells(5);
        CellChunks chunks = new CellChunks(cells, 4);
        assertEquals((cells.size() + 3) / 4, chunks.count());
        List<Cell> joined = new java.util.ArrayList<>();
        for (int i = 0; i < chunks.count(); i++) {
            assertTrue(chunks.chunk(i).size() <= 4);
            joined.addAll(chunks.chunk(i));
        }
        assertEquals(cells, joined);
    }

    @Test
    void holdingNamesTheChunksOfUnfinishedCells() {
        List<Cell> cells = cells(3);
        CellChunks chunks = new CellChunks(cells, 2);
        assertEquals(List.of(0, chunks.count() - 1), chunks.holding(Set.of(cells.get(1).id(),
                cells.get(cells.size() - 1).id())));
        assertEquals(List.of(), chunks.holding(Set.of()));
    }

    @Test
    void anIndexBeyondThePlanOrAChunkOfNothingIsRefused() {
        CellChunks chunks = new CellChunks(cells(1), 1);
        BenchException e = assertThrows(BenchException.class, () -> chunks.chunk(chunks.count()));
        assertTrue(e.getMessage().contains("--array-task " + chunks.count()) && e.getMessage().contains("another grid"),
                e.getMessage());
        assertThrows(BenchException.class, () -> chunks.chunk(-1));
        assertThrows(BenchException.class, () -> new CellChunks(cells(1), 0));
    }

    @Test
    void rangesAreSlurmsCompactForm() {
        assertEquals("0-3,7,9-10", CellChunks.ranges(List.of(0, 1, 2, 3, 7, 9, 10)));
        assertEquals("5", CellChunks.ranges(List.of(5)));
        assertEquals("", CellChunks.ranges(List.of()));
    }
}
