package io.transferbench.data.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text from the Brown corpus's tagged format, where each sentence is one indented line of
 * {@code word/tag} tokens and the corpus writes quotes as {@code ``} and {@code ''}.
 */
final class BrownText {

    private BrownText() {}

    /**
     * Whole sentences grouped into passages of at least {@code words} words; a last passage shorter
     * than half that is dropped rather than giving a classifier a fragment.
     */
    static List<String> passages(String tagged, int words) {
        List<String> passages = new ArrayList<>();
        StringBuilder passage = new StringBuilder();
        int count = 0;
        for (String line : tagged.split("\n")) {
            String sentence = untag(line);
            if (sentence.isEmpty()) {
                continue;
            }
            passage.append(passage.length() == 0 ? "" : " ").append(sentence);
            count += sentence.split(" ").length;
            if (count >= words) {
                passages.add(passage.toString());
                passage.setLength(0);
                count = 0;
            }
        }
        if (count >= words / 2) {
            passages.add(passage.toString());
        }
        return passages;
    }

    /** One tagged sentence as text: tags removed, quote marks restored. */
    static String untag(String line) {
        StringBuilder out = new StringBuilder();
        for (String token : line.strip().split("\\s+")) {
            int slash = token.lastIndexOf('/');
            String word = slash > 0 ? token.substring(0, slash) : token;
            if (word.isEmpty()) {
                continue;
            }
            word = word.equals("``") || word.equals("''") ? "\"" : word;
            out.append(out.length() == 0 ? "" : " ").append(word);
        }
        return out.toString();
    }
}
