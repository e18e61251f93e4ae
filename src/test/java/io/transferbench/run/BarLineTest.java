package io.transferbench.run;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal bar's line and the lines printed above it, without a terminal. */
class BarLineTest {

    private static final String LABEL = "lp-ft freeze=2 warmup-cosine lr=0.0001 layer-decay=0.8 seed=3";

    private static int barWidth(String line) {
        return line.indexOf(']') - line.indexOf('[') - 1;
    }

    @Test
    void theLineFitsTheTerminalAndTheBarKeepsItsWidthWhateverTheLabel() {
        for (int width : new int[] {40, 60, 80, 120, 200}) {
            for (long done : new long[] {0, 3, 10}) {
                String line = BarLine.format("vision-mobilenet", 0, done, 10, Duration.ofSeconds(90), LABEL, width);
                assertTrue(line.length() < width, width + ": " + line);
                assertTrue(barWidth(line) >= BarLine.MIN_BAR, line);
                // below 60 columns a long suite name leaves no room: the line is cut on the right
                assertTrue(width < 60 || line.contains(" " + done + "/10 "), line);
            }
        }
    }

    @Test
    void aFinishedGridShowsAFullBarNotACollapsedOne() {
        String line = BarLine.format("quick", 0, 3, 3, Duration.ofSeconds(64), LABEL, 100);
        assertTrue(line.startsWith("quick 100% [" + "=".repeat(barWidth(line)) + "] 3/3 0:01:04 ETA 0:00:00"), line);
        assertTrue(barWidth(line) > 20, line);
    }

    @Test
    void aLongLabelIsCutToTheRoomLeftAndAShortOneIsWhole() {
        String cut = BarLine.format("quick", 0, 1, 3, Duration.ofSeconds(10), LABEL, 90);
        assertEquals(89, cut.length(), cut);
        assertTrue(cut.endsWith("…"), cut);
        String whole = BarLine.format("quick", 0, 1, 3, Duration.ofSeconds(10), "finetune seed=1", 120);
        assertTrue(whole.endsWith(" finetune seed=1"), whole);
    }

    @Test
    void theEtaIsThisSessionsPacePerCellTimesTheCellsLeft() {
        // 5 cells were done before this process; 2 more took 60 s; 3 remain: 90 s
        assertEquals("0:01:30", BarLine.eta(5, 7, 10, Duration.ofSeconds(60)));
        assertEquals("?", BarLine.eta(5, 5, 10, Duration.ofSeconds(60)), "no pace yet");
        assertEquals("1:01:01", BarLine.clock(Duration.ofSeconds(3661)));
    }

    @Test
    void linesPrintedAboveTheBarAreWholeAndTheBarIsRedrawnUnderThem() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        BarConsole console = new BarConsole(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        console.accept("bar 1");
        console.printAbove("cell 1 ok");
        PrintStream log = console.linesAbove();
        log.print("[main] INFO ");
        log.println("a log line");
        String text = terminal.toString(StandardCharsets.UTF_8);
        String clear = "\r\033[2K";
        String nl = System.lineSeparator();
        assertEquals(clear + "bar 1" + clear + "cell 1 ok" + nl + "bar 1" + clear + "[main] INFO a log line" + nl + "bar 1",
                text);
    }
}
