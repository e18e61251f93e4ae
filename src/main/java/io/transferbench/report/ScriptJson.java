package io.transferbench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON that can be pasted into an HTML {@code <script>} element as it is. Labels and error
 * messages come from records and may hold anything, "{@code </script>}" included; escaping
 * {@code < > &} (and the quote) as {@code \u003c}-style sequences means the HTML parser never sees
 * a tag or an end of the element, while {@code JSON.parse} reads the same string back. U+2028 and
 * U+2029 are escaped too: older JavaScript parsers end a line at them.
 */
final class ScriptJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    new JsonFactoryBuilder().characterEscapes(new ScriptEscapes()).build())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ScriptJson() {}

    static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data is not serialisable: " + e.getMessage(), e);
        }
    }

    private static final class ScriptEscapes extends CharacterEscapes {
        private final int[] ascii;

        ScriptEscapes() {
            ascii = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
