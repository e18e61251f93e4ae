package io.transferbench.cluster;

import io.transferbench.BenchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Submits batch scripts with Slurm's {@code sbatch}. */
public final class Sbatch {

    private Sbatch() {}

    /**
     * Submits a script and returns its job id.
     *
     * @param options sbatch options that cannot be in the script (a dependency on a job just submitted)
     */
    public static String submit(Path script, List<String> options) {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(options);
        command.add(script.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "sbatch " + script + " did not answer in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "sbatch refused " + script + ": " + out);
            }
            // --parsable prints "jobid" or "jobid;cluster", after any warnings
            String last = out.lines().reduce((a, b) -> b).orElse("");
            String id = last.split(";")[0].trim();
            if (!id.matches("\\d+")) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "sbatch " + script + " gave no job id: " + out);
            }
            return id;
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot run sbatch (is Slurm's client installed"
                    + " and on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "interrupted while submitting " + script, e);
        }
    }
}
