package io.transferbench.data.text;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The SpamAssassin public mail corpus: ham (easy and hard) against spam, from the raw emails. The
 * text is the subject and the decoded body, cut to {@code max-chars} (a model reads only its first
 * few hundred tokens anyway). Emails are split by message id, so that an email filed twice never
 * sits in two splits; one that cannot be parsed, or has no text, is skipped and counted.
 */
public final class SpamAssassinDataset extends LockedTextDataset {

    static final String ASSET = "spamassassin";
    private static final int DEFAULT_MAX_CHARS = 2000;
    private static final String DATA_DIR = "package/data";
    private static final List<String> CLASSES = List.of("ham", "spam");

    public SpamAssassinDataset() {
        super(ASSET);
    }

    @Override
    public String name() {
        return "spamassassin";
    }

    @Override
    public String description() {
        return "SpamAssassin public corpus: 6,046 raw emails, ham (incl. 250 hard ham) vs spam; subject + body";
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("hard-ham", Rule.bool(), true)
                .optional("max-chars", Rule.integer(16, 1_000_000), DEFAULT_MAX_CHARS)
                .build();
    }

    @Override
    public String version() {
        return "spamassassin/1";
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        boolean hardHam = !spec.options().has("hard-ham") || spec.options().get("hard-ham").asBoolean();
        int maxChars = spec.intOption("max-chars", DEFAULT_MAX_CHARS);
        TextCorpus corpus = new TextCorpus(CLASSES);
        for (Path file : emails(assets.directory(ASSET).resolve(DATA_DIR))) {
            String folder = file.getParent().getFileName().toString().toLowerCase(Locale.ROOT);
            if (!hardHam && folder.startsWith("hard-ham")) {
                continue;
            }
            int label = folder.startsWith("spam") ? 1 : 0;
            try {
                EmailText.Email email = EmailText.parse(Files.readAllBytes(file));
                if (email.text().isBlank()) {
                    corpus.skip();
                    continue;
                }
                String text = email.text().length() > maxChars ? email.text().substring(0, maxChars) : email.text();
                corpus.add(text, label, groupKey(email, file));
            } catch (MessagingException | IOException | RuntimeException e) {
                corpus.skip();
            }
        }
        return corpus.splits(spec);
    }

    /** The message id; without one, the content hash that the corpus puts in each file name. */
    private static String groupKey(EmailText.Email email, Path file) {
        if (email.messageId() != null && !email.messageId().isBlank()) {
            return email.messageId().strip().toLowerCase(Locale.ROOT);
        }
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : name;
    }

    /** Every email file, in a fixed order so that the corpus is the same on every machine. */
    private static List<Path> emails(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
