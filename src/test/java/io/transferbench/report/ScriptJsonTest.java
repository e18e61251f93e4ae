package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ScriptJsonTest {

    private static final String HOSTILE = "</script><script>alert('x')</script><!-- & \u2028\u2029 \"quoted\" ünï";

    @Test
    void escapesEverythingThatCouldEndAScriptElementAndReadsBackUnchanged() throws Exception {
        String json = ScriptJson.of(Map.of("charts", List.of(Map.of("label", HOSTILE))));
        for (String forbidden : List.of("<", ">", "&", "'", "\u2028", "\u2029")) {
            assertFalse(json.contains(forbidden), forbidden + " in " + json);
        }
        JsonNode back = new ObjectMapper().readTree(json);
        assertEquals(HOSTILE, back.path("charts").path(0).path("label").asText());
    }

    @Test
    void missingNumbersAreLeftOutNotWrittenAsNaN() {
        String json = ScriptJson.of(new ChartSpec.Point(1, 2, null));
        assertEquals("{\"x\":1.0,\"y\":2.0}", json);
        assertEquals(null, ChartSpec.finite(Double.NaN));
    }
}
