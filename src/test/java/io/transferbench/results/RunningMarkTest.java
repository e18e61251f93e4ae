package io.transferbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running marks from many hosts: a process id means something only on its own host. */
class RunningMarkTest {

    @TempDir
    Path dir;

    @Test
    void aMarkReadsBackAsWritten() throws Exception {
        RunningMark mark = new RunningMark(42, "node7", Instant.parse("2026-12-06T10:00:00Z"), "123_4");
        Path file = Files.write(dir.resolve("cell"), mark.bytes());
        assertEquals(Optional.of(mark), RunningMark.read(file));
        assertEquals("42 node7 2026-12-06T10:00:00Z 123_4\n", Files.readString(file));
    }

    @Test
    void thisProcessIsAliveAndADeadPidOnThisHostIsNot() throws Exception {
        Path mine = Files.write(dir.resolve("a"), RunningMark.ofThisProcess().bytes());
        assertTrue(RunningMark.alive(mine));
        assertTrue(RunningMark.read(mine).orElseThrow().mine());
        Path dead = Files.write(dir.resolve("b"), new RunningMark(999_999_999L, RunningMark.localHost(), Instant.now(),
                null).bytes());
        assertFalse(RunningMark.alive(dead));
    }

    @Test
    void aMarkFromAnotherHostWithoutAJobCountsAsRunningSinceNothingCanTell() throws Exception {
        Path foreign = Files.write(dir.resolve("c"), new RunningMark(999_999_999L, "some-other-node", Instant.now(),
                null).bytes());
        assertTrue(RunningMark.alive(foreign));
        assertFalse(RunningMark.read(foreign).orElseThrow().mine());
    }

    @Test
    void marksOfOlderHarnessesAndUnreadableFiles() throws Exception {
        Path old = Files.writeString(dir.resolve("d"), ProcessHandle.current().pid() + " 2026-12-06T10:00:00Z\n");
        assertEquals(RunningMark.localHost(), RunningMark.read(old).orElseThrow().host());
        assertTrue(RunningMark.alive(old));
        Path garbage = Files.writeString(dir.resolve("e"), "half a mar");
        assertEquals(Optional.empty(), RunningMark.read(garbage));
        assertFalse(RunningMark.alive(garbage));
    }

    @Test
    void anArrayTaskIsNamedAsScancelKnowsIt() {
        assertEquals("17_3", RunningMark.slurmJob(Map.of("SLURM_JOB_ID", "21", "SLURM_ARRAY_JOB_ID", "17",
                "SLURM_ARRAY_TASK_ID", "3")));
        assertEquals("21", RunningMark.slurmJob(Map.of("SLURM_JOB_ID", "21")));
        assertNull(RunningMark.slurmJob(Map.of()));
    }
}
