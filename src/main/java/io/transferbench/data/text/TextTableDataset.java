package io.transferbench.data.text;

import io.transferbench.assets.AssetAccess;
import io.transferbench.assets.LocalFiles;
import io.transferbench.data.LocalDataset;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Your own labelled texts: a CSV, TSV or JSON Lines table ({@link TextTable}) whose text, label
 * and optional split columns the options name. Identical texts share a split (a text seen
 * verbatim in training measures memory, not transfer); without a split column the splits are
 * drawn by the suite's fractions and seed.
 */
public final class TextTableDataset implements LocalDataset {

    @Override
    public String name() {
        return "text-table";
    }

    @Override
    public String description() {
        return "your texts at dataset.path: a CSV, TSV or JSON Lines table with text and label columns";
    }

    @Override
    public String inputKind() {
        return "text";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("text-classification");
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("text-column", Rule.text(".+", "a column name"), "text")
                .optional("label-column", Rule.text(".+", "a column name"), "label")
                .optional("split-column", Rule.text(".+", "a column name"))
                .build();
    }

    @Override
    public List<String> checkFiles(DatasetSpec spec) {
        return TextTable.read(LocalDataset.path(spec), columns(spec)).problems();
    }

    @Override
    public String version() {
        return "text-table/1";
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        TextTable table = TextTable.read(assets.directory(assetIds(spec).get(0)), columns(spec));
        LocalFiles.refuseIfAny(table.problems());
        TextCorpus corpus = new TextCorpus(table.classNames());
        for (int i = 0; i < table.rows().size(); i++) {
            TextTable.Row row = table.rows().get(i);
            String group = "row " + i;
            if (row.split() == null) {
                corpus.add(row.text(), row.label(), group);
            } else {
                corpus.add(row.text(), row.label(), group, row.split());
            }
        }
        corpus.skip(table.skipped());
        return corpus.splits(spec);
    }

    private static TextTable.Columns columns(DatasetSpec spec) {
        return new TextTable.Columns(spec.options().path("text-column").asText("text"),
                spec.options().path("label-column").asText("label"),
                spec.options().has("split-column") ? spec.options().get("split-column").asText() : null);
    }
}
