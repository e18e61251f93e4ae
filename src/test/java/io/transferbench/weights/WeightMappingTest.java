package io.transferbench.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeightMappingTest {

    private NDManager manager;
    private Block linear;

    @BeforeEach
    void initializeLinearLayer() {
        manager = NDManager.newBaseManager();
        linear = Linear.builder().setUnits(2).build();
        linear.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static final NamedTensor KERNEL = new NamedTensor("dense/kernel", new long[] {3, 2},
            new float[] {1, 2, 3, 4, 5, 6});
    private static final NamedTensor BIAS = new NamedTensor("dense/bias", new long[] {2}, new float[] {7, 8});

    @Test
    void loadsTransposedDenseKernelIntoLinearWeight() {
        WeightMapping mapping = new WeightMapping(List.of(
                new TensorBinding("dense/kernel", "weight", LayoutTransform.TRANSPOSE),
                new TensorBinding("dense/bias", "bias", LayoutTransform.IDENTITY)), false, false);
        WeightMapping.LoadReport report = mapping.loadInto(linear, Map.of(KERNEL.name(), KERNEL, BIAS.name(), BIAS));
        assertEquals(List.of("weight", "bias"), report.loaded());
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6},
                linear.getParameters().get("weight").getArray().toFloatArray());
        assertArrayEquals(new float[] {7, 8}, linear.getParameters().get("bias").getArray().toFloatArray());
    }

    @Test
    void shapeMismatchNamesTensorExpectedAndFoundShapes() {
        WeightMapping mapping = new WeightMapping(List.of(
                new TensorBinding("dense/kernel", "weight", LayoutTransform.IDENTITY)), true, true);
        WeightImportException e = assertThrows(WeightImportException.class,
                () -> mapping.loadInto(linear, Map.of(KERNEL.name(), KERNEL)));
        assertTrue(e.getMessage().contains("tensor 'dense/kernel' (after IDENTITY) has shape [3, 2] but parameter "
                + "'weight' expects [2, 3]"), e.getMessage());
    }

    @Test
    void unusedSourceAndUnfilledParameterAreErrorsUnlessAllowed() {
        NamedTensor extra = new NamedTensor("logits/kernel", new long[] {1}, new float[] {0});
        List<TensorBinding> onlyKernel = List.of(new TensorBinding("dense/kernel", "weight", LayoutTransform.TRANSPOSE));
        Map<String, NamedTensor> sources = Map.of(KERNEL.name(), KERNEL, extra.name(), extra);
        WeightImportException unused = assertThrows(WeightImportException.class,
                () -> new WeightMapping(onlyKernel, false, true).loadInto(linear, sources));
        assertTrue(unused.getMessage().contains("not used by the mapping: [logits/kernel]"), unused.getMessage());
        WeightImportException unfilled = assertThrows(WeightImportException.class,
                () -> new WeightMapping(onlyKernel, true, false).loadInto(linear, sources));
        assertTrue(unfilled.getMessage().contains("not filled by the mapping: [bias]"), unfilled.getMessage());
        WeightMapping.LoadReport report = new WeightMapping(onlyKernel, true, true).loadInto(linear, sources);
        assertEquals(List.of("logits/kernel"), report.unusedSources());
        assertEquals(List.of("bias"), report.unfilledParameters());
    }
}
