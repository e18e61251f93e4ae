package io.transferbench.data.audio;

import io.transferbench.data.DatasetSource;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.util.List;
import java.util.Set;

/**
 * What the audio datasets share: labelled clips for audio classification, each a file's first
 * {@code seconds} at 16 kHz ({@link ClipFiles}), and {@code augment} for the training clips.
 */
abstract class AudioDataset implements DatasetSource {

    static final double DEFAULT_SECONDS = 1.0;

    @Override
    public final String inputKind() {
        return "audio";
    }

    @Override
    public final Set<String> tasks() {
        return Set.of("audio-classification");
    }

    /** {@code seconds} and {@code augment} ({@code standard}: {@link ClipAugmentation}), for a dataset's rule to extend. */
    static Rule.ObjectRule.Builder clipOptions() {
        return Rule.object()
                .optional("seconds", Rule.number(0.8, true, 30, true), DEFAULT_SECONDS)
                .optional("augment", Rule.choice("an augmentation", List.of("none", "standard")), "none");
    }

    /** Samples per clip at 16 kHz. */
    static int clipLength(DatasetSpec spec) {
        return (int) Math.round(spec.doubleOption("seconds", DEFAULT_SECONDS) * ClipFiles.SAMPLE_RATE);
    }

    static ClipAugmentation augmentation(DatasetSpec spec) {
        return ClipAugmentation.of(spec.options().path("augment").asText("none"));
    }
}
