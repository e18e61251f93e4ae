package io.transferbench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.transferbench.catalog.Catalog;
import io.transferbench.Mappers;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.ModelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The datasets of one run: each is read once, and turned into a model family's inputs (tokenised,
 * for text) once per family and options, before any cell's clock starts.
 */
final class PreparedData {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedData.class);

    private final Catalog catalog;
    private final AssetAccess assets;
    private final Map<String, Splits> examples = new HashMap<>();
    private final Map<String, Splits> inputs = new HashMap<>();
    /** By identity: what determines each prepared dataset's content. */
    private final Map<Splits, String> identities = new java.util.IdentityHashMap<>();

    PreparedData(Catalog catalog, AssetAccess assets) {
        this.catalog = catalog;
        this.assets = assets;
    }

    /** The splits of {@code dataset}, labelled for {@code task}, as inputs of {@code model}'s family. */
    Splits forModel(DatasetSpec dataset, String task, ModelSpec model) {
        String datasetKey = json(dataset) + "|" + task;
        String key = datasetKey + "|" + model.name() + "|" + model.options();
        return inputs.computeIfAbsent(key, k -> {
            Splits read = examples.computeIfAbsent(datasetKey, d -> read(dataset, task));
            long t0 = System.nanoTime();
            Splits prepared = catalog.model(model.name()).prepareInputs(read, model, assets);
            if (prepared != read) {
                LOG.info("inputs for {} prepared in {} s", model.name(), seconds(t0));
            }
            identities.put(prepared, identity(key, dataset, model));
            return prepared;
        });
    }

    /**
     * What determines a prepared dataset's content, for the feature cache on disk: the dataset's
     * settings, its reader's version and assets, the model's input settings and assets (its
     * tokenizer), and the harness that prepared it.
     */
    String identityOf(Splits prepared) {
        String identity = identities.get(prepared);
        if (identity == null) {
            throw new IllegalArgumentException("these splits were not prepared by this run");
        }
        return identity;
    }

    private String identity(String key, DatasetSpec dataset, ModelSpec model) {
        StringBuilder id = new StringBuilder(key).append("|reader ").append(catalog.dataset(dataset.name()).version());
        catalog.dataset(dataset.name()).assetIds(dataset).forEach(a -> id.append('|').append(a).append(' ')
                .append(assets.checksum(a)));
        catalog.model(model.name()).weightAssetIds(model).forEach(a -> id.append('|').append(a).append(' ')
                .append(assets.checksum(a)));
        return id.append("|harness ").append(io.transferbench.HarnessVersion.current().commit()).toString();
    }

    private Splits read(DatasetSpec spec, String task) {
        long t0 = System.nanoTime();
        Splits s = catalog.dataset(spec.name()).load(spec, task, assets);
        LOG.info("dataset {}: {} train, {} val, {} test ({} s){}", spec.name(), s.train().size(), s.val().size(),
                s.test().size(), seconds(t0), skipped(s));
        return s;
    }

    private static String skipped(Splits s) {
        Long n = s.counts().get(Splits.SKIPPED);
        return n == null || n == 0 ? "" : "; " + n + " unreadable examples skipped";
    }

    private static String json(DatasetSpec spec) {
        try {
            return Mappers.SUITE.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(long t0) {
        return String.format("%.1f", (System.nanoTime() - t0) / 1e9);
    }
}
