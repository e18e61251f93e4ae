package io.transferbench.models.facessd;

import ai.djl.nn.SequentialBlock;
import io.transferbench.models.Backbone;
import io.transferbench.models.TfConvUnit;
import io.transferbench.weights.ParameterBinding;
import io.transferbench.weights.TfjsModel;
import io.transferbench.weights.TfjsReader;
import io.transferbench.weights.WeightImportException;
import io.transferbench.weights.WeightMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads face-api's SSD-MobileNetV1 weights manifest into the backbone. Every parameter of the
 * stages that start pretrained must be filled; every tensor of the manifest must find a place
 * except those of the parts the transfer replaces or leaves out: the box and class predictors
 * ({@code Prediction/BoxPredictor_*}), the anchors ({@code Output/extra_dim}), the graph's
 * constants ({@code Preprocessor/*}, {@code Postprocessor/*}, {@code concat_1/axis}) and, when only
 * the backbone starts pretrained, the extra layers.
 */
final class FaceSsdImport {

    static final String PREDICTORS = "Prediction/BoxPredictor_";
    static final String EXTRA_LAYERS = "Prediction/Conv2d_";
    private static final List<String> NOT_BACKBONE = List.of(PREDICTORS, "Output/", "Preprocessor/", "Postprocessor/",
            "concat_1/");

    private FaceSsdImport() {
    }

    static WeightMapping.LoadReport load(Backbone backbone, Path manifest, FaceSsdWeights weights) {
        return load(backbone, TfjsReader.read(manifest), manifest.toString(), weights);
    }

    static WeightMapping.LoadReport load(Backbone backbone, TfjsModel model, String source, FaceSsdWeights weights) {
        int pretrainedStages = weights == FaceSsdWeights.DETECTOR ? SsdMobileNetV1Family.STAGES
                : SsdMobileNetV1Family.BACKBONE_STAGES;
        SequentialBlock pretrained = new SequentialBlock();
        backbone.stages().subList(0, pretrainedStages).forEach(pretrained::add);
        List<ParameterBinding> bindings = new ArrayList<>();
        TfConvUnit.under(pretrained).forEach(unit -> bindings.addAll(unit.sourceTensors()));
        WeightMapping.LoadReport report = WeightMapping.ofParameters(pretrained, bindings, true, false)
                .loadInto(pretrained, model.tensorsByName());
        List<String> ignored = new ArrayList<>(NOT_BACKBONE);
        if (weights == FaceSsdWeights.BACKBONE_ONLY) {
            ignored.add(EXTRA_LAYERS);
        }
        List<String> stray = report.unusedSources().stream().filter(s -> ignored.stream().noneMatch(s::startsWith))
                .toList();
        if (!stray.isEmpty()) {
            throw new WeightImportException(source + ": " + stray.size() + " tensors have no place in face-api's "
                    + "SSD-MobileNetV1; is this another detector? " + stray);
        }
        return report;
    }
}
