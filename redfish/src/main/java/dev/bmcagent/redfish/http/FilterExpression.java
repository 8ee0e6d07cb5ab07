package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code $filter} expression (DSP0266 "filter query parameter"): comparisons {@code eq ne gt ge lt le} between
 * property paths ({@code Status/Health}) and string, number, boolean or null literals, combined with
 * {@code and}, {@code or}, {@code not} and parentheses. Pure: {@link #test} reads a resource body and nothing else.
 *
 * <p>A property path that does not resolve makes its comparison false (an unknown property never matches);
 * {@code ne} is the negation of {@code eq} between two present values; ordering operators compare two numbers or
 * two strings (ordinal), anything else is false.
 */
public sealed interface FilterExpression {

    /** Whether the resource body satisfies the expression. */
    boolean test(JsonNode resource);

    /** Parses an expression; a malformed one throws {@link IllegalArgumentException} naming what is wrong. */
    static FilterExpression parse(String text) {
        return FilterParser.parse(text);
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(JsonNode resource) {
            return left.test(resource) && right.test(resource);
        }
    }

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(JsonNode resource) {
            return left.test(resource) || right.test(resource);
        }
    }

    record Not(FilterExpression operand) implements FilterExpression {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(JsonNode resource) {
            return !operand.test(resource);
        }
    }

    /** The six comparison operators, spelled as in the query. */
    enum Operator {
        eq,
        ne,
        gt,
        ge,
        lt,
        le
    }

    /** One side of a comparison. */
    sealed interface Operand {
        /** The value in this resource; empty when a property path does not resolve. */
        Optional<JsonNode> value(JsonNode resource);
    }

    /** A property path, e.g. {@code Status/Health} as {@code ["Status", "Health"]}. */
    record Property(List<String> path) implements Operand {
        public Property {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty property path");
            }
        }

        @Override
        public Optional<JsonNode> value(JsonNode resource) {
            JsonNode n = resource;
            for (String segment : path) {
                if (n == null || !n.isObject()) {
                    return Optional.empty();
                }
                n = n.get(segment);
            }
            return Optional.ofNullable(n);
        }
    }

    /** A literal: a JSON string, number, boolean or null node. */
    record Literal(JsonNode value) implements Operand {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (!value.isValueNode()) {
                throw new IllegalArgumentException("not a literal: " + value);
            }
        }

        @Override
        public Optional<JsonNode> value(JsonNode resource) {
            return Optional.of(value);
        }
    }

    record Comparison(Operand left, Operator operator, Operand right) implements FilterExpression {
        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(JsonNode resource) {
            Optional<JsonNode> a = left.value(resource);
            Optional<JsonNode> b = right.value(resource);
            if (a.isEmpty() || b.isEmpty()) {
                return false;
            }
            return compare(a.get(), operator, b.get());
        }

        static boolean compare(JsonNode a, Operator op, JsonNode b) {
            return switch (op) {
                case eq -> equal(a, b);
                case ne -> !equal(a, b);
                case gt -> order(a, b).map(c -> c > 0).orElse(false);
                case ge -> order(a, b).map(c -> c >= 0).orElse(false);
                case lt -> order(a, b).map(c -> c < 0).orElse(false);
                case le -> order(a, b).map(c -> c <= 0).orElse(false);
            };
        }

        private static boolean equal(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return number(a)
                        .flatMap(x -> number(b).map(y -> x.compareTo(y) == 0))
                        .orElse(false);
            }
            return a.equals(b);
        }

        private static Optional<Integer> order(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return number(a).flatMap(x -> number(b).map(x::compareTo));
            }
            if (a.isTextual() && b.isTextual()) {
                return Optional.of(a.textValue().compareTo(b.textValue()));
            }
            return Optional.empty();
        }

        /** Exact decimal value; empty for NaN and infinities, which compare with nothing. */
        private static Optional<BigDecimal> number(JsonNode n) {
            if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
                return Optional.empty();
            }
            return Optional.of(n.decimalValue());
        }
    }
}
