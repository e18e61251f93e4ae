package io.transferbench.models.selfie;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.transferbench.models.Backbone;
import io.transferbench.weights.GraphNode;
import io.transferbench.weights.LayoutTransform;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.ParameterBinding;
import io.transferbench.weights.TfjsGraph;
import io.transferbench.weights.WeightImportException;
import io.transferbench.weights.WeightMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the selfie graph's weights into the rebuilt network by node name, checking the graph
 * against what was built: every convolution's op, stride, padding and nonlinearity, the op census
 * (a node the rebuild lacks is a refusal, not a silently different model), the resize mode, and
 * that every float constant lands somewhere.
 */
final class SelfieImport {

    private static final Set<String> ADDS = Set.of("Add", "AddV2", "AddN", "BiasAdd");
    /** Hard-swish's constants as float16 stores them: 1/6 rounds to 0.16662598. */
    private static final double SWISH_SCALE_TOLERANCE = 1e-4;

    private final TfjsGraph graph;
    private final String source;
    private final List<ParameterBinding> bindings = new ArrayList<>();
    /** Constants read into the network other than through a parameter (hard-swish's 1/6 and 3). */
    private final Set<String> consumedConstants = new HashSet<>();

    SelfieImport(TfjsGraph graph, String source) {
        this.graph = graph;
        this.source = source;
    }

    /**
     * Loads the backbone, and the person mask when {@code mask} is not null; the mask's weights
     * are then the only ones allowed to stay unused.
     */
    WeightMapping.LoadReport load(Backbone backbone, PersonMask mask) {
        SequentialBlock all = new SequentialBlock();
        backbone.stages().forEach(all::add);
        List<GraphConv> convs = convs(all);
        checkCensus(convs, backbone);
        convs.forEach(this::bindConv);
        GraphNode segment = node(PersonMask.NODE, "Conv2DBackpropInput");
        String maskFilter = segment.inputs().get(1);
        String maskBias = biasConstant(bias(segment, 1), 1);
        if (mask != null) {
            all.add(mask);
            checkStrides(segment, 2);
            bindings.addAll(mask.bindings(maskFilter, maskBias));
        }
        Map<String, NamedTensor> floats = new LinkedHashMap<>();
        graph.weights().forEach((name, t) -> {
            if ("float32".equals(graph.dtypes().get(name)) && !consumedConstants.contains(name)) {
                floats.put(name, t);
            }
        });
        WeightMapping.LoadReport report = WeightMapping.ofParameters(all, bindings, true, false).loadInto(all, floats);
        List<String> stray = report.unusedSources().stream()
                .filter(s -> mask != null || !(s.equals(maskFilter) || s.equals(maskBias))).toList();
        if (!stray.isEmpty()) {
            throw new WeightImportException(source + ": " + stray.size() + " graph weights have no place in the "
                    + "rebuilt selfie segmenter; is this another model? " + stray);
        }
        return report;
    }

    /** The graph must hold exactly the convolutions, gates and resizes that were built. */
    private void checkCensus(List<GraphConv> convs, Backbone backbone) {
        Map<String, Integer> ops = graph.opCounts();
        long depthwise = convs.stream().filter(GraphConv::depthwise).count();
        long sigmoids = convs.stream().filter(c -> c.nonlinearity() == Nonlinearity.SIGMOID).count();
        long decoders = backbone.stages().stream()
                .filter(s -> s instanceof ChainedStage c && c.body() instanceof DecoderBlock).count();
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("Conv2D", convs.size() - depthwise);
        expected.put("DepthwiseConv2dNative", depthwise);
        // Every gate pools once; the mask's sigmoid is the one not after a gate convolution.
        expected.put("AvgPool", sigmoids);
        expected.put("Sigmoid", sigmoids + 1);
        expected.put("ResizeBilinear", decoders);
        expected.put("Conv2DBackpropInput", 1L);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            long found = ops.getOrDefault(e.getKey(), 0);
            if (found != e.getValue()) {
                throw new WeightImportException(source + ": the graph has " + found + " " + e.getKey() + " ops, the "
                        + "rebuilt selfie segmenter " + e.getValue() + "; the graph is not the model this family "
                        + "builds (ops: " + ops + ")");
            }
        }
        for (GraphNode resize : graph.nodes()) {
            if (resize.op().equals("ResizeBilinear") && (!resize.flag("half_pixel_centers")
                    || resize.flag("align_corners"))) {
                throw new WeightImportException(source + ": " + resize.name() + " resizes without half-pixel "
                        + "centres; the decoder upsamples as PyTorch's bilinear with align_corners=false");
            }
        }
    }

    private void bindConv(GraphConv conv) {
        GraphNode node = node(conv.node(), conv.depthwise() ? "DepthwiseConv2dNative" : "Conv2D");
        checkStrides(node, conv.stride());
        String padding = node.text("padding");
        boolean pointwise = graph.weight(node.inputs().get(1)).shape()[0] == 1;
        if (!padding.equals("SAME") && !(padding.equals("VALID") && pointwise)) {
            throw new WeightImportException(source + ": " + node.name() + " pads '" + padding + "'; the rebuild pads "
                    + "as TensorFlow's SAME");
        }
        if (!Arrays.stream(node.ints("dilations")).allMatch(d -> d == 1) || !node.text("data_format").equals("NHWC")) {
            throw new WeightImportException(source + ": " + node.name() + " is dilated or not NHWC");
        }
        GraphNode biasAdd = bias(node, conv.outChannels());
        Nonlinearity found = nonlinearityAfter(biasAdd, conv);
        if (found != conv.nonlinearity()) {
            throw new WeightImportException(source + ": " + node.name() + " is followed by " + found + " in the graph, "
                    + "by " + conv.nonlinearity() + " in the rebuild");
        }
        bindings.add(new ParameterBinding(node.inputs().get(1), conv.weight(),
                conv.depthwise() ? LayoutTransform.DEPTHWISE_HWC1_TO_C1HW : LayoutTransform.HWIO_TO_OIHW));
        bindings.add(new ParameterBinding(biasConstant(biasAdd, conv.outChannels()), conv.bias(),
                LayoutTransform.IDENTITY));
    }

    private void checkStrides(GraphNode node, int stride) {
        long[] strides = node.ints("strides");
        if (!Arrays.equals(strides, new long[] {1, stride, stride, 1})) {
            throw new WeightImportException(source + ": " + node.name() + " has strides " + Arrays.toString(strides)
                    + ", the rebuild stride " + stride);
        }
    }

    /**
     * The add that applies {@code node}'s folded bias: the single consumer chain of adds (at most
     * three) until one reads a constant of the output width. Grappler sometimes moves a bias past
     * the residual add ({@code (conv + skip) + bias}), which is the same sum.
     */
    private GraphNode bias(GraphNode node, long channels) {
        String current = node.name();
        for (int hop = 0; hop < 3; hop++) {
            List<GraphNode> consumers = graph.consumers(current);
            if (consumers.size() != 1 || !ADDS.contains(consumers.get(0).op())) {
                break;
            }
            GraphNode add = consumers.get(0);
            if (biasConstant(add, channels) != null) {
                return add;
            }
            current = add.name();
        }
        throw new WeightImportException(source + ": found no bias of " + channels + " values added to " + node.name());
    }

    /** The input of {@code add} that is a constant of {@code channels} values; null when none is. */
    private String biasConstant(GraphNode add, long channels) {
        for (String input : add.inputs()) {
            NamedTensor t = graph.weights().get(input);
            if (t != null && t.shape().length == 1 && t.shape()[0] == channels) {
                return input;
            }
        }
        return null;
    }

    /**
     * What the graph applies to a convolution's biased output: ReLU, sigmoid, hard-swish (a Mul by
     * a scalar constant and an AddV2 of one feeding Relu6), or nothing. Hard-swish's constants go
     * into {@code conv}, after a check that they are 1/6 and 3.
     */
    private Nonlinearity nonlinearityAfter(GraphNode biasAdd, GraphConv conv) {
        List<GraphNode> consumers = graph.consumers(biasAdd.name());
        if (consumers.stream().anyMatch(c -> c.op().equals("Relu"))) {
            return Nonlinearity.RELU;
        }
        if (consumers.stream().anyMatch(c -> c.op().equals("Sigmoid"))) {
            return Nonlinearity.SIGMOID;
        }
        String scale = scalarInput(consumers, "Mul");
        String offset = scalarInput(consumers, "AddV2");
        if (scale == null || offset == null) {
            return Nonlinearity.LINEAR;
        }
        String offsetAdd = consumers.stream().filter(c -> c.op().equals("AddV2")).findFirst().orElseThrow().name();
        if (graph.consumers(offsetAdd).stream().noneMatch(c -> c.op().equals("Relu6"))) {
            return Nonlinearity.LINEAR;
        }
        float s = graph.weight(scale).data()[0];
        float d = graph.weight(offset).data()[0];
        if (Math.abs(s - 1.0 / 6) > SWISH_SCALE_TOLERANCE || d != 3f) {
            throw new WeightImportException(source + ": " + conv.node() + " is followed by x * " + s
                    + " * relu6(x + " + d + "), not hard-swish");
        }
        conv.useSwishConstants(s, d);
        consumedConstants.add(scale);
        consumedConstants.add(offset);
        return Nonlinearity.HARD_SWISH;
    }

    private String scalarInput(List<GraphNode> consumers, String op) {
        for (GraphNode c : consumers) {
            if (c.op().equals(op)) {
                for (String input : c.inputs()) {
                    NamedTensor t = graph.weights().get(input);
                    if (t != null && t.data().length == 1) {
                        return input;
                    }
                }
            }
        }
        return null;
    }

    private GraphNode node(String name, String op) {
        GraphNode node = graph.find(name).orElseThrow(() -> new WeightImportException(source + ": the graph has no "
                + "node '" + name + "' (" + op + "); is this MediaPipe's selfie segmenter?"));
        if (!node.op().equals(op)) {
            throw new WeightImportException(source + ": graph node '" + name + "' is " + node.op() + ", not " + op);
        }
        return node;
    }

    /** The graph convolutions under {@code block}, in forward order. */
    static List<GraphConv> convs(Block block) {
        List<GraphConv> found = new ArrayList<>();
        collect(block, found);
        return found;
    }

    private static void collect(Block block, List<GraphConv> found) {
        if (block instanceof GraphConv conv) {
            found.add(conv);
            return;
        }
        block.getChildren().values().forEach(child -> collect(child, found));
    }
}
