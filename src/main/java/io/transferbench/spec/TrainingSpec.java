package io.transferbench.spec;

/**
 * How every cell trains. Warmup (for the warmup-* schedules) defaults to 10% of the steps.
 *
 * Grid axes (schedule, lr, freeze, ...) live in the cell; these are the
 * settings shared by all cells unless a grid axis names one of them.
 */
public record TrainingSpec(
        String optimizer,
        Double momentum,
        boolean nesterov,
        double weightDecay,
        int batchSize,
        int evalBatchSize,
        int epochs,
        Integer probeEpochs,
        double gradClip,
        double headLrScale,
        Double warmupRatio,
        Integer warmupSteps,
        StepSpec step,
        OneCycleSpec oneCycle,
        EarlyStopping earlyStopping,
        Target target,
        LpFtSpec lpFt,
        double divergenceFactor,
        Boolean featureCache,
        Boolean decayBiasesAndNorms,
        GradualSpec gradual) {

    public TrainingSpec {
        optimizer = optimizer == null ? "adamw" : optimizer;
        momentum = momentum == null ? 0.9 : momentum;
        batchSize = batchSize == 0 ? 32 : batchSize;
        evalBatchSize = evalBatchSize == 0 ? Math.max(batchSize, 64) : evalBatchSize;
        if (warmupRatio == null && warmupSteps == null) {
            warmupRatio = 0.1;
        }
        step = step == null ? new StepSpec(0, 0) : step;
        oneCycle = oneCycle == null ? new OneCycleSpec(0, 0, 0) : oneCycle;
        lpFt = lpFt == null ? new LpFtSpec(0, 0, 0) : lpFt;
        divergenceFactor = divergenceFactor == 0 ? 100 : divergenceFactor;
        featureCache = featureCache == null || featureCache;
        decayBiasesAndNorms = decayBiasesAndNorms != null && decayBiasesAndNorms;
        headLrScale = headLrScale == 0 ? 1 : headLrScale;
        probeEpochs = probeEpochs == null ? epochs : probeEpochs;
    }

    /**
     * Whether frozen stages may run once per dataset instead of once per step: their outputs are
     * cached (per run, shared by cells) when no augmentation changes the inputs. Off only to
     * measure what the cache saves.
     */
    public boolean cachesFeatures() {
        return featureCache;
    }

    /**
     * Whether weight decay applies to biases and normalisation scales too; by default they are
     * exempt, as in Hugging Face's Trainer and timm ({@code DecayGroups}).
     */
    public boolean decaysBiasesAndNorms() {
        return decayBiasesAndNorms;
    }

    /** Step decay: multiply the learning rate by {@code gamma} every {@code everyEpochs}. */
    public record StepSpec(int everyEpochs, double gamma) {
        public StepSpec {
            everyEpochs = everyEpochs == 0 ? 1 : everyEpochs;
            gamma = gamma == 0 ? 0.5 : gamma;
        }
    }

    /** Smith's one-cycle: warm up to lr over {@code pctStart}, then anneal to lr/(div*finalDiv). */
    public record OneCycleSpec(double pctStart, double divFactor, double finalDivFactor) {
        public OneCycleSpec {
            pctStart = pctStart == 0 ? 0.3 : pctStart;
            divFactor = divFactor == 0 ? 25 : divFactor;
            finalDivFactor = finalDivFactor == 0 ? 1e4 : finalDivFactor;
        }
    }

    /** Stop when the validation metric has not improved for {@code patience} epochs. */
    public record EarlyStopping(String metric, int patience) {}

    /** The quality bar for time-to-target (MLPerf style): first epoch whose val metric reaches it. */
    public record Target(String metric, double value) {}

    /**
     * These settings with gradual unfreezing's: written into gradual cells only, so that a setting
     * no other strategy reads never changes their identity.
     */
    public TrainingSpec withGradual(GradualSpec spec) {
        return new TrainingSpec(optimizer, momentum, nesterov, weightDecay, batchSize, evalBatchSize, epochs, probeEpochs,
                gradClip, headLrScale, warmupRatio, warmupSteps, step, oneCycle, earlyStopping, target, lpFt,
                divergenceFactor, featureCache, decayBiasesAndNorms, spec);
    }

    /**
     * Gradual unfreezing: one more stage every {@code unfreezeEveryEpochs} epochs (a fraction
     * of one too, so the pace follows the dataset's size) or {@code unfreezeEverySteps} optimizer
     * steps (one of the two; one epoch by default), each stage learning at
     * {@code unfreezeLrScale} times the rate of the stage unfrozen before it.
     */
    public record GradualSpec(Double unfreezeEveryEpochs, Integer unfreezeEverySteps, double unfreezeLrScale) {
        public GradualSpec {
            if (unfreezeEveryEpochs == null && unfreezeEverySteps == null) {
                unfreezeEveryEpochs = 1.0;
            }
            unfreezeLrScale = unfreezeLrScale == 0 ? 1 : unfreezeLrScale;
        }

        /** The settings a suite that names none gets. */
        public static GradualSpec defaults() {
            return new GradualSpec(null, null, 0);
        }
    }

    /** LP-FT: probe the head for {@code probeEpochs} at {@code probeLrScale} x lr, then fine-tune. */
    public record LpFtSpec(int probeEpochs, double probeLrScale, double finetuneLrScale) {
        public LpFtSpec {
            probeEpochs = probeEpochs == 0 ? 1 : probeEpochs;
            probeLrScale = probeLrScale == 0 ? 10 : probeLrScale;
            finetuneLrScale = finetuneLrScale == 0 ? 1 : finetuneLrScale;
        }
    }
}
