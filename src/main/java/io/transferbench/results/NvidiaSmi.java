package io.transferbench.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code nvidia-smi} says, read from its CSV output ({@code --format=csv,noheader,nounits}).
 * Parsing is kept apart from running it, so that recorded output can be tested on a machine
 * without a GPU. A value nvidia-smi cannot give ({@code [N/A]}, {@code [Not Supported]}, ...) reads
 * as null, never as zero: a missing power reading is not a GPU drawing no power.
 */
public final class NvidiaSmi {

    /** The tool's name, looked up on PATH. */
    static final String COMMAND = "nvidia-smi";

    private static final Pattern CUDA_VERSION = Pattern.compile("CUDA (?:UMD )?Version:\\s*([0-9][0-9.]*)");

    private NvidiaSmi() {}

    /**
     * One CSV line as fields: split on commas, trimmed, with nvidia-smi's "not available" markers
     * as null. Returns null for a line with another number of fields (an error message, say).
     */
    static List<String> fields(String line, int expected) {
        String[] parts = line.split(",", -1);
        if (parts.length != expected) {
            return null;
        }
        List<String> out = new ArrayList<>(expected);
        for (String part : parts) {
            String v = part.trim();
            out.add(v.isEmpty() || v.startsWith("[") || v.equalsIgnoreCase("N/A") ? null : v);
        }
        return out;
    }

    /** A number nvidia-smi printed, or null when it printed none. */
    static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** MiB (nvidia-smi's unit for memory with {@code nounits}) as bytes, or null. */
    static Long mebibytes(String value) {
        Double mib = number(value);
        return mib == null ? null : Math.round(mib * 1048576.0);
    }

    /**
     * The devices of {@code --query-gpu=index,name,memory.total,driver_version}, one line each;
     * lines that are not such rows are skipped.
     */
    static List<GpuEnvironment.Device> devices(List<String> lines) {
        List<GpuEnvironment.Device> devices = new ArrayList<>();
        for (String line : lines) {
            List<String> f = fields(line, 4);
            if (f == null || f.get(0) == null || !f.get(0).matches("\\d+")) {
                continue;
            }
            devices.add(new GpuEnvironment.Device(Integer.parseInt(f.get(0)), f.get(1), mebibytes(f.get(2))));
        }
        return devices;
    }

    /** The driver version of the first device row of the same query, or null. */
    static String driverVersion(List<String> lines) {
        for (String line : lines) {
            List<String> f = fields(line, 4);
            if (f != null && f.get(0) != null && f.get(0).matches("\\d+")) {
                return f.get(3);
            }
        }
        return null;
    }

    /**
     * The CUDA version in the banner of plain {@code nvidia-smi} ("CUDA Version: 13.0"; drivers from
     * 610 say "CUDA UMD Version"): the
     * newest CUDA the driver supports, not the CUDA a library was built with. Null if absent.
     */
    static String driverCudaVersion(List<String> bannerLines) {
        for (String line : bannerLines) {
            Matcher m = CUDA_VERSION.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The query for the sampler's stream: device memory in use (MiB) and board power (W). */
    static List<String> samplingCommand(int index, int intervalMillis) {
        return List.of(COMMAND, "--query-gpu=memory.used,power.draw", "--format=csv,noheader,nounits",
                "-i", Integer.toString(index), "-lms", Integer.toString(intervalMillis));
    }

    /** One line of the sampler's stream, or null when it is not one. */
    static GpuUsageAccumulator.Reading reading(String line) {
        List<String> f = fields(line, 2);
        if (f == null) {
            return null;
        }
        Long memory = mebibytes(f.get(0));
        Double power = number(f.get(1));
        return memory == null && power == null ? null : new GpuUsageAccumulator.Reading(memory, power);
    }

    /**
     * Runs nvidia-smi with these arguments and returns its output lines, or an empty list when it
     * is not installed, fails or hangs (10 s).
     */
    static List<String> run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(COMMAND);
        command.addAll(List.of(args));
        List<String> lines = new ArrayList<>();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? lines : List.of();
        } catch (IOException e) {
            return List.of();   // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** "13000" style CUDA runtime numbers (major * 1000 + minor * 10) as "13.0". */
    static String cudaVersionName(int version) {
        return String.format(Locale.ROOT, "%d.%d", version / 1000, (version / 10) % 100);
    }
}
