package io.transferbench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One node of the suite schema. Rules check a JSON tree and report every problem they find,
 * each with the field path and what is allowed; they never stop at the first problem.
 */
public sealed interface Rule {

    void check(JsonNode node, String path, Problems problems);

    /** What a valid value looks like, for messages. */
    String describe();

    static Rule integer(long min, long max) {
        return new NumberRule(min, true, max, true, true);
    }

    static Rule number(double min, boolean minInclusive, double max, boolean maxInclusive) {
        return new NumberRule(min, minInclusive, max, maxInclusive, false);
    }

    static Rule choice(String what, Collection<String> allowed) {
        return new ChoiceRule(what, List.copyOf(allowed));
    }

    static Rule text(String regex, String help) {
        return new TextRule(Pattern.compile(regex), help);
    }

    static Rule bool() {
        return new BoolRule();
    }

    static Rule list(Rule element) {
        return new ListRule(element, 1);
    }

    static ObjectRule.Builder object() {
        return new ObjectRule.Builder();
    }

    /** A map from any key to values of one rule (profiles, free-form options). */
    static Rule mapOf(String keyRegex, String keyHelp, Rule value) {
        return new MapRule(Pattern.compile(keyRegex), keyHelp, value);
    }

    /** Accepts anything; used where a later, more specific check looks at the value. */
    static Rule any() {
        return new AnyRule();
    }

    static Rule anyOf(Rule... rules) {
        return new AnyOfRule(List.of(rules));
    }

    static String typeName(JsonNode node) {
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.toString();
        }
        return node.isObject() ? "a mapping" : node.isArray() ? "a list" : "null";
    }

    record NumberRule(double min, boolean minInclusive, double max, boolean maxInclusive, boolean integer)
            implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            if (!node.isNumber() || (integer && !node.canConvertToExactIntegral())) {
                problems.add(path, "must be " + describe() + ", got " + typeName(node));
                return;
            }
            double v = node.asDouble();
            boolean low = minInclusive ? v < min : v <= min;
            boolean high = maxInclusive ? v > max : v >= max;
            if (Double.isNaN(v) || low || high) {
                problems.add(path, "must be " + describe() + ", got " + node);
            }
        }

        @Override
        public String describe() {
            String kind = integer ? "an integer" : "a number";
            String lo = minInclusive ? ">= " : "> ";
            String hi = maxInclusive ? "<= " : "< ";
            boolean unbounded = max >= Integer.MAX_VALUE;
            return kind + " " + lo + fmt(min) + (unbounded ? "" : " and " + hi + fmt(max));
        }

        private String fmt(double v) {
            return integer || v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    record ChoiceRule(String what, List<String> allowed) implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            if (!node.isTextual() && !node.isNumber()) {
                problems.add(path, "must be " + describe() + ", got " + typeName(node));
            } else if (!allowed.contains(node.asText())) {
                problems.add(path, "unknown " + what + " '" + node.asText() + "'; allowed: " + String.join(", ", allowed));
            }
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", allowed);
        }
    }

    record TextRule(Pattern pattern, String help) implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            if (!node.isTextual()) {
                problems.add(path, "must be " + describe() + ", got " + typeName(node));
            } else if (!pattern.matcher(node.asText()).matches()) {
                problems.add(path, "must be " + describe() + ", got '" + node.asText() + "'");
            }
        }

        @Override
        public String describe() {
            return help;
        }
    }

    record AnyRule() implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {}

        @Override
        public String describe() {
            return "any value";
        }
    }

    record BoolRule() implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            if (!node.isBoolean()) {
                problems.add(path, "must be true or false, got " + typeName(node));
            }
        }

        @Override
        public String describe() {
            return "true or false";
        }
    }

    record ListRule(Rule element, int minSize) implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            if (!node.isArray()) {
                problems.add(path, "must be a list of " + element.describe() + ", got " + typeName(node));
                return;
            }
            if (node.size() < minSize) {
                problems.add(path, "must not be empty; give at least one value (" + element.describe() + ")");
            }
            for (int i = 0; i < node.size(); i++) {
                element.check(node.get(i), LocatedTree.index(path, i), problems);
            }
        }

        @Override
        public String describe() {
            return "a list of " + element.describe();
        }
    }

    record AnyOfRule(List<Rule> rules) implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            for (Rule r : rules) {
                Problems probe = Problems.detached();
                r.check(node, path, probe);
                if (probe.isEmpty()) {
                    return;
                }
            }
            problems.add(path, "must be " + describe() + ", got " + typeName(node));
        }

        @Override
        public String describe() {
            return rules.stream().map(Rule::describe).collect(Collectors.joining(" or "));
        }
    }

    record MapRule(Pattern keyPattern, String keyHelp, Rule value) implements Rule {

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            if (!node.isObject()) {
                problems.add(path, "must be a mapping, got " + typeName(node));
                return;
            }
            node.fields().forEachRemaining(e -> {
                String child = LocatedTree.child(path, e.getKey());
                if (!keyPattern.matcher(e.getKey()).matches()) {
                    problems.add(child, "bad key; keys must be " + keyHelp);
                } else {
                    value.check(e.getValue(), child, problems);
                }
            });
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A mapping with known fields; unknown fields and missing required ones are problems. */
    record ObjectRule(Map<String, Field> fields) implements Rule {

        /**
         * @param defaultValue what an absent optional field means, written into resolved suites so
         *     that no setting of a cell is implicit; null where absence means "none"
         */
        public record Field(Rule rule, boolean required, JsonNode defaultValue) {}

        @Override
        public void check(JsonNode node, String path, Problems problems) {
            if (!node.isObject()) {
                problems.add(path, "must be a mapping with fields " + String.join(", ", fields.keySet())
                        + ", got " + typeName(node));
                return;
            }
            node.fields().forEachRemaining(e -> {
                String child = LocatedTree.child(path, e.getKey());
                Field f = fields.get(e.getKey());
                if (f == null) {
                    problems.add(child, "unknown field; allowed here: " + String.join(", ", fields.keySet()));
                } else if (!e.getValue().isNull() || f.required()) {
                    f.rule().check(e.getValue(), child, problems);
                }
            });
            fields.forEach((name, f) -> {
                if (f.required() && !node.has(name)) {
                    problems.add(path, "missing required field '" + name + "' (" + f.rule().describe() + ")");
                }
            });
        }

        /** Finds the rule for a dotted path below this object, for grid axes that name any field. */
        public Optional<Rule> lookup(String dottedPath) {
            int dot = dottedPath.indexOf('.');
            String head = dot < 0 ? dottedPath : dottedPath.substring(0, dot);
            Field f = fields.get(head);
            if (f == null) {
                return Optional.empty();
            }
            if (dot < 0) {
                return Optional.of(f.rule());
            }
            return f.rule() instanceof ObjectRule o ? o.lookup(dottedPath.substring(dot + 1)) : Optional.empty();
        }

        /**
         * Writes the default of every absent field into {@code node}, and into the mappings below it
         * whose rules have defaults (an absent mapping is created when it would hold any).
         */
        public void fillDefaults(ObjectNode node) {
            fields.forEach((name, f) -> {
                JsonNode value = node.get(name);
                if (value == null && f.defaultValue() != null) {
                    node.set(name, f.defaultValue().deepCopy());
                } else if (f.rule() instanceof ObjectRule nested) {
                    if (value == null && nested.hasDefaults()) {
                        node.set(name, nested.withDefaults(JsonNodeFactory.instance.objectNode()));
                    } else if (value != null && value.isObject()) {
                        nested.fillDefaults((ObjectNode) value);
                    }
                }
            });
        }

        private ObjectNode withDefaults(ObjectNode node) {
            fillDefaults(node);
            return node;
        }

        private boolean hasDefaults() {
            return fields.values().stream().anyMatch(f -> f.defaultValue() != null
                    || f.rule() instanceof ObjectRule o && o.hasDefaults());
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        public static final class Builder {
            private final Map<String, Field> fields = new LinkedHashMap<>();

            public Builder required(String name, Rule rule) {
                fields.put(name, new Field(rule, true, null));
                return this;
            }

            public Builder optional(String name, Rule rule) {
                fields.put(name, new Field(rule, false, null));
                return this;
            }

            /** An optional field whose absence means {@code defaultValue} (a number, string or boolean). */
            public Builder optional(String name, Rule rule, Object defaultValue) {
                fields.put(name, new Field(rule, false, Mappers.SUITE.valueToTree(defaultValue)));
                return this;
            }

            public ObjectRule build() {
                return new ObjectRule(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
            }
        }
    }
}
