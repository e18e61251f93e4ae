package io.transferbench.models.facessd;

import ai.djl.nn.SequentialBlock;
import io.transferbench.models.Backbone;
import io.transferbench.models.TfConvUnit;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.ParameterBinding;
import io.transferbench.weights.TfjsModel;
import io.transferbench.weights.TfjsReader;
import io.transferbench.weights.WeightImportException;
import io.transferbench.weights.WeightMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads face-api's SSD-MobileNetV1 weights manifest into the backbone, and gives its box
 * predictors to the head ({@link #boxPredictors}). Every parameter of the stages that start
 * pretrained must be filled; every tensor of the manifest must find a place in them except those
 * of the parts the backbone does not hold: the box and class predictors
 * ({@code Prediction/BoxPredictor_*}), the anchors ({@code Output/extra_dim}), the graph's
 * constants ({@code Preprocessor/*}, {@code Postprocessor/*}, {@code concat_1/axis}) and, when only
 * the backbone starts pretrained, the extra layers.
 */
final class FaceSsdImport {

    static final String PREDICTORS = "Prediction/BoxPredictor_";
    static final String EXTRA_LAYERS = "Prediction/Conv2d_";
    private static final List<String> NOT_BACKBONE = List.of(PREDICTORS, "Output/", "Preprocessor/", "Postprocessor/",
            "concat_1/");

    /** TF's box codes per box are {ty, tx, th, tw}; the harness's are {tx, ty, tw, th}. */
    private static final int[] CODE_ORDER = {1, 0, 3, 2};
    private static final int MAPS = 6;

    private FaceSsdImport() {
    }

    /**
     * The detector's six 1x1 box predictors ({@code BoxEncodingPredictor}) as
     * {@code ModelFamily#pretrainedHeadTensors} names them: kernels {@code [1, 1, in, boxes x 4]}
     * to {@code [boxes x 4, in, 1, 1]}, each box's four codes reordered.
     */
    static Map<String, NamedTensor> boxPredictors(TfjsModel model, String source) {
        Map<String, NamedTensor> tensors = model.tensorsByName();
        Map<String, NamedTensor> out = new LinkedHashMap<>();
        for (int k = 0; k < MAPS; k++) {
            String prefix = PREDICTORS + k + "/BoxEncodingPredictor/";
            NamedTensor kernel = tensors.get(prefix + "weights");
            NamedTensor bias = tensors.get(prefix + "biases");
            if (kernel == null || bias == null || kernel.shape().length != 4 || kernel.shape()[3] % 4 != 0) {
                throw new WeightImportException(source + ": no 1x1 box predictor " + prefix + " as face-api's");
            }
            int in = (int) kernel.shape()[2];
            int codes = (int) kernel.shape()[3];
            float[] w = new float[codes * in];
            float[] b = new float[codes];
            for (int o = 0; o < codes; o++) {
                int from = o / 4 * 4 + CODE_ORDER[o % 4];
                b[o] = bias.data()[from];
                for (int i = 0; i < in; i++) {
                    w[o * in + i] = kernel.data()[i * codes + from];
                }
            }
            String name = "box_predictor_" + k;
            out.put(name + "/weight", new NamedTensor(name + "/weight", new long[] {codes, in, 1, 1}, w));
            out.put(name + "/bias", new NamedTensor(name + "/bias", new long[] {codes}, b));
        }
        return out;
    }

    static WeightMapping.LoadReport load(Backbone backbone, Path manifest, FaceSsdWeights weights) {
        TfjsModel model = TfjsReader.read(manifest);
        String source = manifest.toString();
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
