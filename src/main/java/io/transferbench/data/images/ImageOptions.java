package io.transferbench.data.images;

import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.util.List;

/**
 * The {@code dataset.options} every image dataset takes.
 *
 * @param imageSize side of the square model input in pixels (96 suits a CPU, 224 is
 *     MobileNetV2's native size)
 * @param augmentation how training images are varied ({@code augment: none | standard})
 * @param oversample whether small classes are repeated in the training split ({@code balance})
 */
record ImageOptions(int imageSize, Augmentation augmentation, boolean oversample) {

    static final int DEFAULT_SIZE = 96;
    static final List<String> BALANCE = List.of("none", "oversample");

    static Rule.ObjectRule rule() {
        return Rule.object()
                .optional("image-size", Rule.integer(32, 1024), DEFAULT_SIZE)
                .optional("augment", Rule.choice("augmentation", Augmentation.NAMES), Augmentation.NONE.name())
                .optional("balance", Rule.choice("class balance", BALANCE), BALANCE.get(0))
                .build();
    }

    static ImageOptions of(DatasetSpec spec) {
        return new ImageOptions(spec.intOption("image-size", DEFAULT_SIZE),
                Augmentation.named(spec.options().path("augment").asText(Augmentation.NONE.name())),
                spec.options().path("balance").asText(BALANCE.get(0)).equals("oversample"));
    }
}
