package io.transferbench.models.mlp;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.transferbench.BenchException;
import io.transferbench.assets.AssetAccess;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.models.StageOutput;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron for vector inputs: each stage is Linear, BatchNorm, ReLU. It ships no
 * weights; suites pretrain it on a source dataset ({@code model.pretrain}). It keeps the
 * harness's own tests small while exercising everything a real backbone does, BatchNorm included.
 */
public final class MlpFamily implements ModelFamily {

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multilayer perceptron (Linear-BatchNorm-ReLU stages); no packaged weights, pretrain on a source task";
    }

    @Override
    public String inputKind() {
        return "vector";
    }

    private static final int DEFAULT_HIDDEN = 64;
    private static final int DEFAULT_STAGES = 3;

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("hidden", Rule.integer(1, 65_536), DEFAULT_HIDDEN)
                .optional("stages", Rule.integer(1, 64), DEFAULT_STAGES)
                .build();
    }

    @Override
    public int stageCount(ModelSpec spec) {
        return spec.intOption("stages", DEFAULT_STAGES);
    }

    @Override
    public Backbone build(ModelSpec spec, long[] inputShape) {
        int hidden = spec.intOption("hidden", DEFAULT_HIDDEN);
        int stages = stageCount(spec);
        List<Block> blocks = new ArrayList<>();
        long[] flops = new long[stages];
        long in = inputShape[0];
        for (int i = 0; i < stages; i++) {
            blocks.add(new SequentialBlock()
                    .add(Linear.builder().setUnits(hidden).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu));
            flops[i] = 2 * in * hidden;
            in = hidden;
        }
        return new Backbone(blocks, java.util.Collections.nCopies(stages, StageOutput.vector(hidden)),
                ai.djl.nn.Blocks.identityBlock(), flops);
    }

    @Override
    public List<String> weightAssetIds(ModelSpec spec) {
        return List.of();
    }

    @Override
    public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
        throw new BenchException(BenchException.EXIT_BAD_INPUT,
                "model 'mlp' ships no pretrained weights; give model.pretrain in the suite");
    }
}
