package io.transferbench.fakes;

import ai.djl.ndarray.NDManager;
import io.transferbench.catalog.Plugin;
import io.transferbench.assets.AssetAccess;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import java.util.List;

/**
 * A model family whose cells fail while training, registered for tests only, to check that a
 * failure is recorded with its reason and that the grid (or --fail-fast) behaves.
 */
public final class BrokenModelPlugin implements Plugin {

    @Override
    public List<ModelFamily> models() {
        return List.of(new ModelFamily() {
            @Override
            public String name() {
                return "test-broken";
            }

            @Override
            public String description() {
                return "test only: every cell fails while building the network";
            }

            @Override
            public String inputKind() {
                return "vector";
            }

            @Override
            public Rule.ObjectRule optionsRule() {
                return Rule.object().build();
            }

            @Override
            public int stageCount(ModelSpec spec) {
                return 2;
            }

            @Override
            public Backbone build(ModelSpec spec, long[] inputShape) {
                throw new IllegalStateException("simulated failure while building the network");
            }

            @Override
            public List<String> weightAssetIds(ModelSpec spec) {
                return List.of();
            }

            @Override
            public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
                throw new UnsupportedOperationException();
            }
        });
    }
}
