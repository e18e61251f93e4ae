package io.transferbench.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A complete name map from a weights file to a DJL block. Loading checks every shape, and by
 * default also that every source tensor was used and every parameter filled: a silently skipped
 * tensor is a silently random layer.
 *
 * @param bindings one per parameter to fill
 * @param allowUnusedSources accept source tensors no binding reads (e.g. a dropped classifier)
 * @param allowUnfilledParameters accept parameters no binding fills (e.g. a new head)
 */
public record WeightMapping(List<TensorBinding> bindings, boolean allowUnusedSources,
        boolean allowUnfilledParameters) {

    public WeightMapping {
        bindings = List.copyOf(bindings);
    }

    /**
     * A mapping for the parameters of {@code root} named by identity: each binding's parameter is
     * looked up among {@code root.getParameters()} and bound by its path there.
     *
     * @throws IllegalArgumentException when a bound parameter is not part of {@code root}
     */
    public static WeightMapping ofParameters(Block root, List<ParameterBinding> bindings, boolean allowUnusedSources,
                                             boolean allowUnfilledParameters) {
        Map<Parameter, String> paths = new IdentityHashMap<>();
        for (Pair<String, Parameter> p : root.getParameters()) {
            paths.put(p.getValue(), p.getKey());
        }
        List<TensorBinding> byPath = new ArrayList<>();
        for (ParameterBinding b : bindings) {
            String path = paths.get(b.parameter());
            if (path == null) {
                throw new IllegalArgumentException("the parameter for '" + b.source() + "' is not part of the block");
            }
            byPath.add(new TensorBinding(b.source(), path, b.transform()));
        }
        return new WeightMapping(byPath, allowUnusedSources, allowUnfilledParameters);
    }

    /** What a load did; the lists are empty unless the mapping allowed them. */
    public record LoadReport(List<String> loaded, List<String> unusedSources, List<String> unfilledParameters) {
    }

    /**
     * Copies the bound tensors into an initialized block's parameters.
     *
     * @throws WeightImportException naming the tensor and its expected and found shapes, or listing
     *     the unused sources or unfilled parameters that the mapping does not allow
     */
    public LoadReport loadInto(Block block, Map<String, NamedTensor> sources) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.put(p.getKey(), p.getValue());
        }
        List<String> missingSources = new ArrayList<>();
        List<String> missingParameters = new ArrayList<>();
        for (TensorBinding b : bindings) {
            if (!sources.containsKey(b.source())) {
                missingSources.add(b.source());
            }
            if (!parameters.containsKey(b.parameter())) {
                missingParameters.add(b.parameter());
            }
        }
        if (!missingSources.isEmpty() || !missingParameters.isEmpty()) {
            throw new WeightImportException("weight mapping names tensors the weights file lacks " + missingSources
                    + " and parameters the block lacks " + missingParameters + "; the block has "
                    + parameters.keySet());
        }
        List<String> loaded = new ArrayList<>();
        for (TensorBinding b : bindings) {
            NamedTensor tensor = b.transform().apply(sources.get(b.source()));
            Parameter parameter = parameters.get(b.parameter());
            if (!parameter.isInitialized()) {
                throw new WeightImportException("parameter '" + b.parameter() + "' is not initialized; initialize "
                        + "the block before loading weights");
            }
            NDArray array = parameter.getArray();
            Shape expected = array.getShape();
            if (!Arrays.equals(expected.getShape(), tensor.shape())) {
                throw new WeightImportException("tensor '" + b.source() + "' (after " + b.transform() + ") has shape "
                        + Arrays.toString(tensor.shape()) + " but parameter '" + b.parameter() + "' expects "
                        + Arrays.toString(expected.getShape()));
            }
            array.set(tensor.data());
            loaded.add(b.parameter());
        }
        Set<String> used = new LinkedHashSet<>();
        bindings.forEach(b -> used.add(b.source()));
        List<String> unused = sources.keySet().stream().filter(s -> !used.contains(s)).toList();
        List<String> unfilled = parameters.keySet().stream().filter(p -> !loaded.contains(p)).toList();
        if (!unused.isEmpty() && !allowUnusedSources) {
            throw new WeightImportException(unused.size() + " source tensors are not used by the mapping: " + unused);
        }
        if (!unfilled.isEmpty() && !allowUnfilledParameters) {
            throw new WeightImportException(unfilled.size() + " parameters are not filled by the mapping: " + unfilled);
        }
        return new LoadReport(loaded, unused, unfilled);
    }
}
