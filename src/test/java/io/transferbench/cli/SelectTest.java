package io.transferbench.cli;

import io.transferbench.TestSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --select} runs part of a grid into the whole grid's run directory; bad selections say what exists. */
class SelectTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int bench(String... select) {
        List<String> args = new ArrayList<>(List.of("--suite", TestSuites.write(dir, "s", TestSuites.BASE).toString(),
                "--out", dir.resolve("out").toString(), "--run-id", "r", "--workers", "0"));
        for (String s : select) {
            args.addAll(List.of("--select", s));
        }
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    @Test
    void selectionsFillOneRunDirectoryOneAfterAnother() throws IOException {
        assertEquals(0, bench("freeze=all"), err.toString());
        assertEquals(1, records());
        assertEquals(0, bench("freeze=1,0", "lr=3e-3"), err.toString());
        assertEquals(3, records(), "the whole grid, in one run directory");
    }

    @Test
    void aSelectionOfNothingThatExistsSaysWhatTheGridHas() {
        assertEquals(2, bench("freeze=7"));
        assertTrue(err.toString().contains("no cell has freeze=7; this grid has all, 1, 0"), err.toString());
        assertEquals(2, bench("colour=red"));
        assertTrue(err.toString().contains("no cell has a field 'colour'"), err.toString());
        assertEquals(2, bench("freeze"));
        assertTrue(err.toString().contains("expected AXIS=VALUE"), err.toString());
    }

    private long records() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out/t/r/cells"))) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
