package io.transferbench.train;

import io.transferbench.spec.ScheduleKind;
import io.transferbench.spec.TrainingSpec;

/**
 * A learning-rate schedule as a multiplier of the base learning rate at each optimizer step
 * (0-based). Warmup ramps linearly from 1/warmup to 1, so the first step never has lr 0.
 */
@FunctionalInterface
public interface Schedule {

    double factor(long step);

    static Schedule of(String kind, TrainingSpec training, long totalSteps, long stepsPerEpoch) {
        long total = Math.max(1, totalSteps);
        long warmup = training.warmupSteps() != null
                ? training.warmupSteps()
                : Math.round(training.warmupRatio() * total);
        return switch (kind) {
            case ScheduleKind.CONSTANT -> step -> 1.0;
            case ScheduleKind.STEP -> {
                TrainingSpec.StepSpec s = training.step();
                long every = Math.max(1, s.everyEpochs() * stepsPerEpoch);
                yield step -> Math.pow(s.gamma(), step / every);
            }
            case ScheduleKind.WARMUP_COSINE -> step -> step < warmup
                    ? (step + 1.0) / warmup
                    : 0.5 * (1 + Math.cos(Math.PI * progress(step - warmup, total - warmup)));
            case ScheduleKind.WARMUP_LINEAR -> step -> step < warmup
                    ? (step + 1.0) / warmup
                    : 1 - progress(step - warmup, total - warmup);
            case ScheduleKind.ONE_CYCLE -> oneCycle(training.oneCycle(), total);
            default -> throw new IllegalArgumentException("unknown schedule " + kind);
        };
    }

    /** Smith and Topin's one-cycle with cosine annealing, as torch's OneCycleLR does it. */
    private static Schedule oneCycle(TrainingSpec.OneCycleSpec c, long total) {
        double start = 1.0 / c.divFactor();
        double end = start / c.finalDivFactor();
        long up = Math.max(1, Math.round(c.pctStart() * total) - 1);
        long down = Math.max(1, total - 1 - up);
        return step -> step <= up
                ? cosine(start, 1.0, (double) step / up)
                : cosine(1.0, end, Math.min(1.0, (double) (step - up) / down));
    }

    private static double cosine(double from, double to, double pct) {
        return to + (from - to) / 2 * (1 + Math.cos(Math.PI * pct));
    }

    private static double progress(long done, long span) {
        return span <= 0 ? 1.0 : Math.min(1.0, (double) done / span);
    }
}
