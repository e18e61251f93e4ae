package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.models.EagerSequentialBlock;
import io.transferbench.tasks.PretrainedHeadParts;
import io.transferbench.weights.NamedTensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SSD head (Liu et al. 2016) on a backbone's taps: extra stride-2 layers continue the last tap
 * down to coarser maps, and on every map a class predictor and a box predictor give, per default
 * box, {@code 1 + classes} logits (class 0 the background) and four box codes ({@link BoxCoder}).
 * Extra layers are SSDLite's (Sandler et al. 2018, torchvision's {@code ssdlite320}): 1x1 to half
 * the width, depthwise 3x3 stride 2, 1x1 out. Predictors are SSDLite's depthwise-separable ones
 * ({@link Predictor#SEPARABLE}: depthwise 3x3, then 1x1) or the original 1x1 convolutions
 * ({@link Predictor#POINTWISE}, TF's SSD-MobileNet box predictors).
 *
 * <p>Inputs: the tapped maps, finest first. Outputs: class logits {@code [N, A, 1 + classes]},
 * box codes {@code [N, A, 4]}, and the default boxes in input pixels {@code [A, 4]}, so that the
 * loss and the evaluator decode against the anchors the predictions were made for.
 */
final class SsdHead extends AbstractBlock implements PretrainedHeadParts {

    enum Predictor { SEPARABLE, POINTWISE }

    private final SsdLayout layout;
    private final long outputs;
    private final Predictor predictor;
    private final float[] anchors;
    private final List<Block> extras = new ArrayList<>();
    private final List<Block> classPredictors = new ArrayList<>();
    private final List<Block> boxPredictors = new ArrayList<>();
    /** The box predictors that took a source detector's weights. */
    private final List<Block> adopted = new ArrayList<>();

    SsdHead(SsdLayout layout, int classes, Predictor predictor) {
        super((byte) 1);
        this.layout = layout;
        this.outputs = 1L + classes;
        this.predictor = predictor;
        this.anchors = layout.anchorCorners();
        for (int k = layout.taps(); k < layout.maps(); k++) {
            long in = layout.mapChannels()[k - 1];
            long out = layout.mapChannels()[k];
            extras.add(addChildBlock("extra_" + (k - layout.taps()), new EagerSequentialBlock()
                    .add(ConvUnits.convBnRelu6(in, out / 2, 1, 1, false))
                    .add(ConvUnits.convBnRelu6(out / 2, out / 2, 3, 2, true))
                    .add(ConvUnits.convBnRelu6(out / 2, out, 1, 1, false))));
        }
        for (int k = 0; k < layout.maps(); k++) {
            int boxes = layout.anchors().boxesPerCell(k);
            classPredictors.add(addChildBlock("class_" + k, predictorBlock(layout.mapChannels()[k], boxes * outputs)));
            boxPredictors.add(addChildBlock("box_" + k, predictorBlock(layout.mapChannels()[k], boxes * 4L)));
        }
    }

    private Block predictorBlock(long channels, long filters) {
        if (predictor == Predictor.POINTWISE) {
            return ConvUnits.predictor(filters);
        }
        return new EagerSequentialBlock().add(ConvUnits.convBnRelu6(channels, channels, 3, 1, true))
                .add(ConvUnits.predictor(filters));
    }

    /** Multiply-adds per example: extra layers and predictors at this layout's map sizes. */
    long multiplyAdds() {
        long total = 0;
        for (int k = layout.taps(); k < layout.maps(); k++) {
            long in = layout.mapChannels()[k - 1];
            long out = layout.mapChannels()[k];
            long size = layout.mapSizes()[k];
            total += ConvUnits.multiplyAdds(in, out / 2, 1, false, layout.mapSizes()[k - 1])
                    + ConvUnits.multiplyAdds(out / 2, out / 2, 3, true, size)
                    + ConvUnits.multiplyAdds(out / 2, out, 1, false, size);
        }
        for (int k = 0; k < layout.maps(); k++) {
            long channels = layout.mapChannels()[k];
            long size = layout.mapSizes()[k];
            long perCell = layout.anchors().boxesPerCell(k) * (outputs + 4);
            total += ConvUnits.multiplyAdds(channels, perCell, 1, false, size);
            if (predictor == Predictor.SEPARABLE) {
                total += 2 * ConvUnits.multiplyAdds(channels, channels, 3, true, size);
            }
        }
        return total;
    }

    /**
     * The source detector's box predictors ({@code box_predictor_<k>}), where this head's are 1x1
     * convolutions of the same shape: a separable predictor reads other features, so it keeps
     * its fresh weights. Class predictors always start fresh (other classes).
     */
    @Override
    public List<String> adopt(Map<String, NamedTensor> tensors) {
        List<String> taken = new ArrayList<>();
        if (predictor != Predictor.POINTWISE) {
            return taken;
        }
        for (int k = 0; k < boxPredictors.size(); k++) {
            String name = "box_predictor_" + k;
            NamedTensor weight = tensors.get(name + "/weight");
            NamedTensor bias = tensors.get(name + "/bias");
            Parameter w = boxPredictors.get(k).getParameters().get("weight");
            Parameter b = boxPredictors.get(k).getParameters().get("bias");
            if (weight != null && bias != null && w.getArray().getShape().equals(new Shape(weight.shape()))
                    && b.getArray().getShape().equals(new Shape(bias.shape()))) {
                w.getArray().set(weight.data());
                b.getArray().set(bias.data());
                adopted.add(boxPredictors.get(k));
                taken.add(name);
            }
        }
        return taken;
    }

    @Override
    public void freezeAdopted(boolean frozen) {
        adopted.forEach(p -> p.freezeParameters(frozen));
    }

    int anchorCount() {
        return layout.anchors().count();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        List<NDArray> maps = new ArrayList<>(inputs);
        for (Block extra : extras) {
            maps.add(extra.forward(store, new NDList(maps.get(maps.size() - 1)), training, params).singletonOrThrow());
        }
        NDList logits = new NDList();
        NDList codes = new NDList();
        for (int k = 0; k < maps.size(); k++) {
            NDList map = new NDList(maps.get(k));
            logits.add(perAnchor(classPredictors.get(k).forward(store, map, training, params).singletonOrThrow(),
                    outputs));
            codes.add(perAnchor(boxPredictors.get(k).forward(store, map, training, params).singletonOrThrow(), 4));
        }
        NDArray first = inputs.get(0);
        NDArray anchorArray = first.getManager().create(anchors, new Shape(anchors.length / 4, 4));
        return new NDList(NDArrays.concat(logits, 1), NDArrays.concat(codes, 1), anchorArray);
    }

    /** {@code [N, boxes * k, H, W]} to {@code [N, H * W * boxes, k]}: cell by cell, the boxes of a cell in order. */
    private static NDArray perAnchor(NDArray x, long k) {
        long n = x.getShape().get(0);
        return x.transpose(0, 2, 3, 1).reshape(n, -1, k);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        long a = anchorCount();
        return new Shape[] {new Shape(n, a, outputs), new Shape(n, a, 4), new Shape(a, 4)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        List<Shape> maps = new ArrayList<>(List.of(inputShapes));
        for (Block extra : extras) {
            Shape in = maps.get(maps.size() - 1);
            extra.initialize(manager, dataType, in);
            maps.add(extra.getOutputShapes(new Shape[] {in})[0]);
        }
        for (int k = 0; k < maps.size(); k++) {
            classPredictors.get(k).initialize(manager, dataType, maps.get(k));
            boxPredictors.get(k).initialize(manager, dataType, maps.get(k));
        }
    }
}
