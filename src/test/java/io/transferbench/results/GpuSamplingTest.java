package io.transferbench.results;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.Mappers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GPU facts and per-cell GPU samples, as far as a machine without a GPU can check them: nvidia-smi's
 * output is parsed from samples in its {@code csv,noheader,nounits} format (written in that format
 * with the H200's figures as seen on the lent machine, 143771 MiB and driver 580.159.03; not
 * captured from one), and the absent-GPU paths give nulls, never zeros.
 */
class GpuSamplingTest {

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = GpuSamplingTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void deviceQueryGivesNameMemoryInBytesAndDriver() throws IOException {
        List<String> rows = resource("nvidia-smi-query-gpu.csv");
        assertEquals(List.of(new GpuEnvironment.Device(0, "NVIDIA H200", 143771L * 1048576)), NvidiaSmi.devices(rows));
        assertEquals("580.159.03", NvidiaSmi.driverVersion(rows));
    }

    @Test
    void errorTextIsNoDevice() {
        List<String> rows = List.of("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
        assertEquals(List.of(), NvidiaSmi.devices(rows));
        assertNull(NvidiaSmi.driverVersion(rows));
    }

    @Test
    void bannerGivesTheDriversCudaVersionInOldAndNewWording() throws IOException {
        assertEquals("13.0", NvidiaSmi.driverCudaVersion(resource("nvidia-smi-banner.txt")));
        assertEquals("13.3", NvidiaSmi.driverCudaVersion(List.of(
                "| NVIDIA-SMI 610.43.02              KMD Version: 610.43.02     CUDA UMD Version: 13.3     |")));
        assertNull(NvidiaSmi.driverCudaVersion(List.of("no banner")));
    }

    @Test
    void notAvailableMarkersReadAsNullNotZero() {
        assertEquals(new GpuUsageAccumulator.Reading(18453L * 1048576, null), NvidiaSmi.reading("18453, [N/A]"));
        assertEquals(new GpuUsageAccumulator.Reading(null, 75.5), NvidiaSmi.reading("[Not Supported], 75.5"));
        assertNull(NvidiaSmi.reading("[N/A], [N/A]"));
        assertNull(NvidiaSmi.reading("Failed to initialize NVML: Unknown Error"));
    }

    @Test
    void cudaRuntimeNumbersReadAsMajorDotMinor() {
        assertEquals("13.0", NvidiaSmi.cudaVersionName(13000));
        assertEquals("12.8", NvidiaSmi.cudaVersionName(12080));
    }

    @Test
    void sampledStreamGivesPeakMemoryTimeWeightedPowerAndEnergyOverTheWindow() throws IOException {
        GpuUsageAccumulator acc = new GpuUsageAccumulator("test");
        long t = 0;
        // readings 0.1 s apart, except one 0.3 s gap: a time-weighted mean must weigh it three times
        long[] gapsMillis = {0, 100, 100, 100, 300, 100, 0};
        List<String> lines = resource("nvidia-smi-sampling.csv");
        int i = 0;
        for (String line : lines) {
            t += gapsMillis[i++] * 1_000_000L;
            GpuUsageAccumulator.Reading r = NvidiaSmi.reading(line);
            if (r != null) {
                acc.add(t, r);
            }
        }
        GpuUsage usage = acc.summary(1.0);
        assertEquals(6, usage.samples());                         // the NVML error line is no sample
        assertEquals(18455L * 1048576, usage.memorySampledPeakBytes());
        // power readings at 0, 0.1, 0.2, 0.3 and 0.7 s (the [N/A] one at 0.6 s has none); trapezoids:
        double wattSeconds = 0.1 * (118.42 + 118.61) / 2 + 0.1 * (118.61 + 212.07) / 2
                + 0.1 * (212.07 + 409.85) / 2 + 0.4 * (409.85 + 611.30) / 2;
        assertEquals(wattSeconds / 0.7, usage.powerSampledMeanWatts(), 1e-9);
        assertEquals(wattSeconds / 0.7 * 1.0, usage.energySampledJoules(), 1e-9);
        assertEquals("test", usage.sampling());
    }

    @Test
    void oneReadingIsItsOwnMeanAndNoReadingIsNothing() {
        GpuUsageAccumulator one = new GpuUsageAccumulator("test");
        one.add(5, new GpuUsageAccumulator.Reading(1024L, 80.0));
        GpuUsage usage = one.summary(2.0);
        assertEquals(80.0, usage.powerSampledMeanWatts());
        assertEquals(160.0, usage.energySampledJoules());
        assertSame(GpuUsage.NONE, new GpuUsageAccumulator("test").summary(2.0));
    }

    @Test
    void memoryOnlySamplesLeavePowerAndEnergyNull() {
        GpuUsageAccumulator acc = new GpuUsageAccumulator("cudaMemGetInfo");
        acc.add(0, new GpuUsageAccumulator.Reading(10L, null));
        acc.add(100_000_000, new GpuUsageAccumulator.Reading(30L, null));
        GpuUsage usage = acc.summary(0.2);
        assertEquals(30L, usage.memorySampledPeakBytes());
        assertNull(usage.powerSampledMeanWatts());
        assertNull(usage.energySampledJoules());
    }

    @Test
    void aCpuCellSamplesNothingAndItsRecordSaysNullNotZero() {
        GpuUsage usage = GpuUsageSampler.forDevice(Device.cpu()).start().stop();
        assertSame(GpuUsage.NONE, usage);
        CellRecord record = new CellRecord("c", 0, "l", CellRecord.OK, null, null, 3, 1, Map.of(), null, null, null,
                null, null, 1, List.of(), 1, 1, 0, null, null, 1, 1, null, 1, 1, null, null, null, "off", 0, "cpu",
                null, null, Map.of(), List.of()).withGpuUsage(usage);
        JsonNode json = Mappers.RECORDS.valueToTree(record);
        for (String field : List.of("gpu_memory_sampled_peak_bytes", "gpu_power_sampled_mean_watts",
                "gpu_energy_sampled_joules", "gpu_samples", "gpu_sampling")) {
            assertTrue(json.has(field), field);
            assertTrue(json.get(field).isNull(), field);
        }
    }

    @Test
    void gpuFieldsSurviveTheRecordsJsonRoundTrip() throws IOException {
        CellRecord record = new CellRecord("c", 0, "l", CellRecord.OK, null, null, 3, 1, Map.of(), null, null, null,
                null, null, 1, List.of(), 1, 1, 0, null, null, 1, 1, null, 1, 1, null, null, null, "off", 0, "gpu0",
                null, null, Map.of(), List.of()).withGpuUsage(new GpuUsage(2048L, 300.5, 601.0, 20, "nvidia-smi every 100 ms"));
        CellRecord back = Mappers.RECORDS.readValue(Mappers.RECORDS.writeValueAsString(record), CellRecord.class);
        assertEquals(List.of(2048L, 300.5, 601.0, 20, "nvidia-smi every 100 ms"),
                List.of(back.gpuMemorySampledPeakBytes(), back.gpuPowerSampledMeanWatts(), back.gpuEnergySampledJoules(),
                        back.gpuSamples(), back.gpuSampling()));
        assertEquals(2048L, Mappers.RECORDS.valueToTree(record).get("gpu_memory_sampled_peak_bytes").asLong());
    }

    @Test
    void olderRecordsAndEnvFilesReadTheNewFieldsAsNull() throws IOException {
        CellRecord old = Mappers.RECORDS.readValue("{\"cell_id\":\"c\",\"status\":\"ok\"}", CellRecord.class);
        assertNull(old.gpuMemorySampledPeakBytes());
        assertNull(old.gpuEnergySampledJoules());
        EnvironmentInfo env = Mappers.RECORDS.readValue("{\"host\":\"h\",\"device\":\"cpu\"}", EnvironmentInfo.class);
        assertNull(env.precision());
        assertNull(env.gpu());
    }

    @Test
    void cudaDevicesMapToNvidiaSmiIndicesThroughCudaVisibleDevices() {
        assertEquals(0, GpuUsageSampler.physicalIndex(0, null));
        assertEquals(3, GpuUsageSampler.physicalIndex(0, "3,1"));
        assertEquals(1, GpuUsageSampler.physicalIndex(1, "3, 1"));
        assertEquals(0, GpuUsageSampler.physicalIndex(0, "GPU-e18afb8d-1627"));   // UUIDs: left to nvidia-smi
    }

    @Test
    void precisionNamesFloat32AndOnGpuLibtorchsTf32Default() {
        assertEquals("float32", NumericPrecision.of("cpu"));
        assertTrue(NumericPrecision.of("gpu0").contains("TF32"));
    }
}
