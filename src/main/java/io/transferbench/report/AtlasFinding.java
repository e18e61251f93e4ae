package io.transferbench.report;

/**
 * One suite's answer to one question of the atlas, preformatted.
 *
 * @param text the number, or why there is none ("not varied")
 * @param detail what it is measured on (configurations, sets), in smaller print
 * @param verdict what the 95% interval says ("higher", "within noise", ...), or empty
 * @param note where the number contradicts a published finding: which, and what it found; or empty
 */
public record AtlasFinding(String text, String detail, String verdict, String note) {

    static AtlasFinding of(String text, String detail) {
        return new AtlasFinding(text, detail, "", "");
    }

    static AtlasFinding missing(String why) {
        return new AtlasFinding(Formats.MISSING, why, "", "");
    }

    /** {@code other - baseline} with its interval and verdict; {@code note} when it contradicts the literature. */
    static AtlasFinding difference(MeanDifference d, String detail, String note) {
        String interval = Double.isFinite(d.low())
                ? " [" + Formats.delta(d.low()) + ", " + Formats.delta(d.high()) + "]" : "";
        return new AtlasFinding(Formats.delta(d.delta()) + interval, detail, d.verdict().text(), note);
    }
}
