package io.transferbench.data.text;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Brown corpus's 15 genres as a text classification task: each of the 500 documents is cut
 * into passages of whole sentences, about {@code passage-words} words each, POS tags stripped. The
 * split is by document, so passages of one document never sit in two splits. A document that is
 * listed but missing or unreadable is skipped and counted.
 */
public final class BrownGenresDataset extends LockedTextDataset {

    static final String ASSET = "brown-corpus";
    private static final int DEFAULT_PASSAGE_WORDS = 100;
    private static final String ROOT = "package";

    public BrownGenresDataset() {
        super(ASSET);
    }

    @Override
    public String name() {
        return "brown-genres";
    }

    @Override
    public String description() {
        return "Brown corpus: passages of 500 documents in 15 genres (news, fiction, learned, ...), split by document";
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("passage-words", Rule.integer(10, 5000), DEFAULT_PASSAGE_WORDS)
                .build();
    }

    @Override
    public String version() {
        return "brown-genres/1";
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        Path root = assets.directory(ASSET).resolve(ROOT);
        Map<String, String> genreOf = categories(root.resolve("cats.txt"));
        List<String> genres = List.copyOf(new TreeSet<>(genreOf.values()));
        int words = spec.intOption("passage-words", DEFAULT_PASSAGE_WORDS);
        TextCorpus corpus = new TextCorpus(genres);
        genreOf.forEach((document, genre) -> {
            try {
                List<String> passages = BrownText.passages(
                        Files.readString(root.resolve(document), StandardCharsets.UTF_8), words);
                if (passages.isEmpty()) {
                    corpus.skip();
                }
                passages.forEach(p -> corpus.add(p, genres.indexOf(genre), document));
            } catch (IOException | UncheckedIOException e) {
                corpus.skip();
            }
        });
        return corpus.splits(spec);
    }

    /** {@code cats.txt}: one "document genre" pair per line, in document order. */
    private static Map<String, String> categories(Path file) {
        try {
            Map<String, String> genreOf = new TreeMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2) {
                    genreOf.put(fields[0], fields[1]);
                }
            }
            return genreOf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Brown corpus categories " + file, e);
        }
    }
}
