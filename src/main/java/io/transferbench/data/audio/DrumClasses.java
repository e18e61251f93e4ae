package io.transferbench.data.audio;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The instrument classes of the drum-kit dataset, read from the instrument names kits give in
 * their {@code drumkit.xml} ("Hi Hat Closed", "Kick (Tama Superstar 22\")", "Djembe1 Slap").
 * Rules are tried in order on the lower-cased name without parenthesised remarks (a
 * "Ride (Custom...)" is not a tom); the first that matches gives the class. Hi-hats come before
 * cymbals because hat names carry cymbal makers ("Sabian Hat Open"), percussion before cymbals
 * because hand drums have bells ("Dununba1 Bell"). Names no rule matches (sticks, rim clicks,
 * effects, "Drum 1", numbered empty slots, "Sample: ...") are left out, not guessed.
 */
public final class DrumClasses {

    public static final List<String> NAMES = List.of("kick", "snare", "hihat", "tom", "cymbal", "percussion");

    private record Rule(String label, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("hihat", Pattern.compile("hi[ -]?hat|\\bhh\\b|\\bhat\\b|\\bohh\\b|\\bchh\\b")),
            new Rule("kick", Pattern.compile("kick|bass ?drum")),
            new Rule("snare", Pattern.compile("snare")),
            new Rule("tom", Pattern.compile("\\btom")),
            new Rule("percussion", Pattern.compile("clap|snap|cowbell|conga|bongo|djembe|sangban|dununba|kenkeni"
                    + "|cajon|maraca|tambourine|agogo|clave|woodblock|waterglass|shaker")),
            new Rule("cymbal", Pattern.compile("crash|ride|china|splash|cymbal|paiste|zildjian|sabian")));

    private static final Pattern REMARK = Pattern.compile("\\(.*?\\)");

    private DrumClasses() {
    }

    /** The class index of an instrument name, or empty when no rule knows it. */
    public static Optional<Integer> of(String instrumentName) {
        String name = REMARK.matcher(instrumentName.toLowerCase(Locale.ROOT)).replaceAll(" ");
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(name).find()) {
                return Optional.of(NAMES.indexOf(rule.label()));
            }
        }
        return Optional.empty();
    }
}
