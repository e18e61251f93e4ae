package io.transferbench.models.mobilenet;

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
 * Loads a Keras MobileNetV2 saved as a TF.js layers model into the backbone. Every backbone
 * parameter must be filled and every tensor used, except the original classifier's
 * ({@code dense_*}), which the transfer replaces with a new head.
 */
final class KerasImport {

    /** Tensors of the layers on top of the pooled features in the NSFWJS model. */
    static final String CLASSIFIER_PREFIX = "dense_";

    private KerasImport() {
    }

    static WeightMapping.LoadReport load(Backbone backbone, Path modelJs) {
        return load(backbone, TfjsReader.readBrowserified(modelJs), modelJs.toString());
    }

    static WeightMapping.LoadReport load(Backbone backbone, TfjsModel model, String source) {
        SequentialBlock all = new SequentialBlock();
        backbone.stages().forEach(all::add);
        List<ParameterBinding> bindings = new ArrayList<>();
        TfConvUnit.under(all).forEach(unit -> bindings.addAll(unit.sourceTensors()));
        WeightMapping.LoadReport report = WeightMapping.ofParameters(all, bindings, true, false)
                .loadInto(all, model.tensorsByName());
        List<String> stray = report.unusedSources().stream().filter(s -> !s.startsWith(CLASSIFIER_PREFIX)).toList();
        if (!stray.isEmpty()) {
            throw new WeightImportException(source + ": " + stray.size() + " backbone tensors have no place in "
                    + "MobileNetV2 1.0; is this another width or architecture? " + stray);
        }
        return report;
    }
}
