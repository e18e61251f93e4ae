package io.transferbench.results;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Samples a GPU's memory in use and power while a cell runs ({@link GpuUsage} says what the numbers
 * mean). One {@link Window} per cell: {@code nvidia-smi} streams a reading every
 * {@value #INTERVAL_MILLIS} ms ({@code -lms}) into a reader thread; where nvidia-smi is missing,
 * a thread asks the CUDA runtime for free memory instead ({@code cudaMemGetInfo} through DJL), so
 * memory is still sampled and power is null. A CPU cell gets {@link GpuUsage#NONE}.
 */
public final class GpuUsageSampler {

    static final int INTERVAL_MILLIS = 100;

    private final Device device;
    private final int physicalIndex;

    private GpuUsageSampler(Device device, int physicalIndex) {
        this.device = device;
        this.physicalIndex = physicalIndex;
    }

    /** A sampler for the device cells train on; one that samples nothing for the CPU. */
    public static GpuUsageSampler forDevice(Device device) {
        int index = device.isGpu() ? physicalIndex(device.getDeviceId(), System.getenv("CUDA_VISIBLE_DEVICES")) : -1;
        return new GpuUsageSampler(device, index);
    }

    /**
     * nvidia-smi numbers GPUs physically; CUDA numbers the ones CUDA_VISIBLE_DEVICES lists, in its
     * order. Returns the physical index of CUDA device {@code cudaId}; the id itself when the
     * variable is unset or names devices by UUID (nvidia-smi's {@code -i} takes the id then).
     */
    static int physicalIndex(int cudaId, String cudaVisibleDevices) {
        if (cudaVisibleDevices == null || cudaVisibleDevices.isBlank()) {
            return cudaId;
        }
        String[] ids = cudaVisibleDevices.split(",");
        if (cudaId < ids.length && ids[cudaId].trim().matches("\\d+")) {
            return Integer.parseInt(ids[cudaId].trim());
        }
        return cudaId;
    }

    /** Starts sampling now. */
    public Window start() {
        return device.isGpu() ? new Window() : new Window(null);
    }

    /** The samples of one cell. Close it (or {@link #stop} it) on every path out of the cell. */
    public final class Window implements AutoCloseable {
        private final long startNanos = System.nanoTime();
        private final GpuUsageAccumulator readings;
        private final Process process;
        private final Thread thread;
        private volatile boolean running = true;
        private GpuUsage result;

        /** Samples nothing: the CPU. */
        private Window(Void cpu) {
            this.readings = null;
            this.process = null;
            this.thread = null;
            this.result = GpuUsage.NONE;
        }

        private Window() {
            Process smi = null;
            try {
                smi = new ProcessBuilder(NvidiaSmi.samplingCommand(physicalIndex, INTERVAL_MILLIS))
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                // not installed: memory from the CUDA runtime below
            }
            this.process = smi;
            if (smi != null) {
                this.readings = new GpuUsageAccumulator("nvidia-smi every " + INTERVAL_MILLIS + " ms");
                Process p = smi;
                this.thread = new Thread(() -> readStream(p), "gpu-sampler");
            } else {
                this.readings = new GpuUsageAccumulator("cudaMemGetInfo every " + INTERVAL_MILLIS + " ms (no nvidia-smi: no power)");
                this.thread = new Thread(this::pollRuntime, "gpu-sampler");
            }
            thread.setDaemon(true);
            thread.start();
        }

        private void readStream(Process p) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    GpuUsageAccumulator.Reading reading = NvidiaSmi.reading(line);
                    if (reading != null) {
                        readings.add(System.nanoTime(), reading);
                    }
                }
            } catch (IOException e) {
                // the stream closes when stop() ends the process
            }
        }

        private void pollRuntime() {
            while (running) {
                try {
                    long used = CudaUtils.getGpuMemory(device).getCommitted();
                    readings.add(System.nanoTime(), new GpuUsageAccumulator.Reading(used, null));
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | LinkageError e) {
                    return;   // no CUDA runtime DJL can load: nothing to sample
                }
            }
        }

        /** Ends sampling and returns what was seen; later calls return the same. */
        public synchronized GpuUsage stop() {
            if (result != null) {
                return result;
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            running = false;
            if (process != null) {
                process.destroy();
            } else {
                thread.interrupt();
            }
            try {
                thread.join(2000);
                if (process != null && !process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            result = readings.summary(seconds);
            return result;
        }

        @Override
        public void close() {
            stop();
        }
    }
}
