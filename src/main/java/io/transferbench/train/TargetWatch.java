package io.transferbench.train;

import io.transferbench.spec.TrainingSpec;
import io.transferbench.tasks.Evaluation;
import io.transferbench.tasks.Task;

/** When validation first reached the suite's quality target: the time-to-accuracy figure. */
final class TargetWatch {

    private final TrainingSpec.Target target;
    private final boolean higherIsBetter;
    private Double seconds;
    private Integer epoch;

    /** @param target the suite's target, or null for none */
    TargetWatch(TrainingSpec.Target target, Task task) {
        this.target = target;
        this.higherIsBetter = target == null || task.metric(target.metric()).higherIsBetter();
    }

    void note(Evaluation val, double elapsedSeconds, int epoch) {
        if (target == null || seconds != null) {
            return;
        }
        double v = val.metrics().get(target.metric());
        if (higherIsBetter ? v >= target.value() : v <= target.value()) {
            seconds = elapsedSeconds;
            this.epoch = epoch;
        }
    }

    /** Seconds from the cell's start; null when not reached or no target. */
    Double seconds() {
        return seconds;
    }

    Integer epoch() {
        return epoch;
    }
}
