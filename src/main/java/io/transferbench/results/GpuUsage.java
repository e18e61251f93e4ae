package io.transferbench.results;

/**
 * What a GPU did during one cell, from samples taken while it ran. DJL 0.36 has no call for the
 * caching allocator's peak, so memory is the device's memory in use (all processes, the CUDA
 * context and PyTorch's cached blocks included) at the sampled moments: a peak between two
 * samples is missed, hence "sampled" in every name. Power is nvidia-smi's board power reading
 * (on recent GPUs itself a one-second average), energy is the time-weighted mean power times the
 * cell's duration, as MLPerf Power integrates sampled power over a run.
 *
 * <p>Every field is null when nothing was sampled (a CPU cell, no nvidia-smi): absent, not zero.
 *
 * @param memorySampledPeakBytes the largest device memory in use seen in the samples
 * @param powerSampledMeanWatts  time-weighted mean of the power samples
 * @param energySampledJoules    that mean times the sampled window's length
 * @param samples                readings taken
 * @param sampling               how: the tool and the interval
 */
public record GpuUsage(Long memorySampledPeakBytes, Double powerSampledMeanWatts, Double energySampledJoules,
                       Integer samples, String sampling) {

    /** Nothing sampled. */
    public static final GpuUsage NONE = new GpuUsage(null, null, null, null, null);
}
