package io.transferbench.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.transferbench.LockedAssets;
import io.transferbench.data.Splits;
import io.transferbench.data.TextExamples;
import io.transferbench.spec.DatasetSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real SpamAssassin and Brown corpora read into leak-free splits. */
class RealTextDatasetsTest {

    private static final DatasetSpec ALL = new DatasetSpec("x", null, 0.15, 0.15, 0, null);

    @Test
    void spamAssassinDecodesNearlyEveryEmailAndSplitsByMessageId() {
        Splits s = new SpamAssassinDataset().load(ALL, LockedAssets.service(SpamAssassinDataset.ASSET));
        long read = s.counts().get("train") + s.counts().get("val") + s.counts().get("test");
        long skipped = s.counts().get(Splits.SKIPPED);
        System.out.println("spamassassin " + s.counts());
        assertEquals(6046, read + skipped, "every email is read or counted as skipped");
        assertTrue(skipped < 30, "at most a handful of emails are undecodable, got " + skipped);
        assertEquals(List.of("ham", "spam"), s.classNames());
        assertDisjoint(s);
        String sample = text(s.train(), 0);
        assertTrue(!sample.contains("Received:") && !sample.contains("Content-Transfer-Encoding"),
                "headers other than the subject are dropped: " + sample.substring(0, Math.min(200, sample.length())));
    }

    @Test
    void brownGenresCutsDocumentsIntoPassagesWithoutLeakingDocuments() {
        Splits s = new BrownGenresDataset().load(ALL, LockedAssets.service(BrownGenresDataset.ASSET));
        System.out.println("brown " + s.counts());
        assertEquals(15, s.classNames().size());
        assertEquals(0L, s.counts().get(Splits.SKIPPED));
        assertTrue(s.train().size() > 5000, "about 1M words in passages of ~100: " + s.train().size());
        assertTrue(!text(s.train(), 0).contains("/at"), "POS tags are stripped: " + text(s.train(), 0));
        assertDisjoint(s);
    }

    private static String text(io.transferbench.data.ExampleSet set, int i) {
        return ((TextExamples) set).texts().get(i);
    }

    /** No text is in two splits (a cheap stand-in for "no group is", since copies share text). */
    private static void assertDisjoint(Splits s) {
        Set<String> train = new HashSet<>(((TextExamples) s.train()).texts());
        Set<String> val = new HashSet<>(((TextExamples) s.val()).texts());
        for (String t : ((TextExamples) s.test()).texts()) {
            assertTrue(!train.contains(t) && !val.contains(t), "test text also in train/val: " + t);
        }
        for (String t : val) {
            assertTrue(!train.contains(t), "val text also in train: " + t);
        }
    }
}
