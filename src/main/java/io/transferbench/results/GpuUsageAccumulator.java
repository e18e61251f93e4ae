package io.transferbench.results;

/**
 * Folds timed GPU readings into a {@link GpuUsage}. Mean power is weighted by time (trapezoids
 * between consecutive power readings), so uneven sampling does not bias it; energy is that mean
 * over the whole window, from the sampler's start to its stop, not only between the first and last
 * reading. Thread-safe: a reader thread adds while the cell's thread may stop it.
 */
final class GpuUsageAccumulator {

    /** One reading; either part may be missing (null). */
    record Reading(Long memoryUsedBytes, Double powerWatts) {}

    private final String sampling;
    private int samples;
    private Long peakMemory;
    private double wattSeconds;
    private double poweredSeconds;
    private Double firstPower;
    private Double lastPower;
    private long lastPowerNanos;

    GpuUsageAccumulator(String sampling) {
        this.sampling = sampling;
    }

    synchronized void add(long nanos, Reading r) {
        samples++;
        if (r.memoryUsedBytes() != null && (peakMemory == null || r.memoryUsedBytes() > peakMemory)) {
            peakMemory = r.memoryUsedBytes();
        }
        if (r.powerWatts() != null) {
            if (lastPower != null) {
                double dt = (nanos - lastPowerNanos) / 1e9;
                wattSeconds += dt * (lastPower + r.powerWatts()) / 2;
                poweredSeconds += dt;
            } else {
                firstPower = r.powerWatts();
            }
            lastPower = r.powerWatts();
            lastPowerNanos = nanos;
        }
    }

    /** The usage over a window of this many seconds; {@link GpuUsage#NONE} when nothing came. */
    synchronized GpuUsage summary(double windowSeconds) {
        if (samples == 0) {
            return GpuUsage.NONE;
        }
        Double meanPower = null;
        if (poweredSeconds > 0) {
            meanPower = wattSeconds / poweredSeconds;
        } else if (firstPower != null) {
            meanPower = firstPower;   // one reading, or all at one instant: it is the best estimate there is
        }
        Double energy = meanPower == null ? null : meanPower * windowSeconds;
        return new GpuUsage(peakMemory, meanPower, energy, samples, sampling);
    }
}
