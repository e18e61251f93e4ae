package io.transferbench.weights;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of a browserify-wrapped module as NSFWJS ships its models: the first module's
 * {@code X.exports=} is either a JS object literal (the model JSON, minified: unquoted keys,
 * {@code !0}/{@code !1}, {@code .5}) or a string (a weight shard in base64).
 */
final class BrowserifyBundle {

    private static final Pattern EXPORTS = Pattern.compile("\\[function\\(\\w+,(\\w+),\\w+\\)\\{\\1\\.exports=");

    private BrowserifyBundle() {
    }

    /** The exported object literal rewritten as strict JSON. */
    static String exportedJson(String js, String source) {
        int start = payloadStart(js, source);
        if (js.charAt(start) != '{') {
            throw new WeightImportException(source + ": the module exports no object literal");
        }
        return toJson(js, start, source);
    }

    /** The exported base64 string, decoded. */
    static byte[] exportedBytes(String js, String source) {
        int start = payloadStart(js, source);
        int end = js.indexOf('"', start + 1);
        if (js.charAt(start) != '"' || end < 0) {
            throw new WeightImportException(source + ": the module exports no string");
        }
        try {
            return Base64.getDecoder().decode(js.substring(start + 1, end));
        } catch (IllegalArgumentException e) {
            throw new WeightImportException(source + ": exported string is not base64: " + e.getMessage(), e);
        }
    }

    private static int payloadStart(String js, String source) {
        Matcher m = EXPORTS.matcher(js);
        if (!m.find()) {
            throw new WeightImportException(source + ": not a browserify bundle (no '[function(e,a,n){a.exports=')");
        }
        return m.end();
    }

    /** Converts the balanced literal starting at {@code start}; strings are copied untouched. */
    private static String toJson(String js, int start, String source) {
        StringBuilder out = new StringBuilder(js.length() - start);
        int depth = 0;
        int i = start;
        while (i < js.length()) {
            char c = js.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (js.charAt(end) != '"') {
                    end += js.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(js, i, end + 1);
                i = end + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            if (c == '!' && i + 1 < js.length() && (js.charAt(i + 1) == '0' || js.charAt(i + 1) == '1')) {
                out.append(js.charAt(i + 1) == '0' ? "true" : "false");
                i += 2;
                continue;
            }
            if (c == '.' && !Character.isDigit(js.charAt(i - 1))) {
                out.append('0');
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                int end = i;
                while (Character.isLetterOrDigit(js.charAt(end)) || js.charAt(end) == '_' || js.charAt(end) == '$') {
                    end++;
                }
                String word = js.substring(i, end);
                boolean literal = word.equals("null") || word.equals("true") || word.equals("false");
                // Exponents such as 9e-7 are letters inside numbers, not keys.
                boolean exponent = word.startsWith("e") && i > 0 && Character.isDigit(js.charAt(i - 1));
                out.append(literal || exponent ? word : '"' + word + '"');
                i = end;
                continue;
            }
            out.append(c);
            i++;
            if (depth == 0) {
                return out.toString();
            }
        }
        throw new WeightImportException(source + ": unbalanced object literal");
    }
}
