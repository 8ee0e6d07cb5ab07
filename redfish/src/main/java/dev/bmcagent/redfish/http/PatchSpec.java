package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which properties of a resource a PATCH may write, and their types. A property present in the current
 * representation but not listed is read-only (PropertyNotWritable); one in neither is unknown (PropertyUnknown).
 * All errors are collected and reported together; nothing is applied when any is found.
 */
public final class PatchSpec {

    private sealed interface Field permits Text, Enumerated, Bool, TextList, Nested, Int {}

    private record Text(int maxLength) implements Field {}

    private record Enumerated(List<String> allowed) implements Field {}

    private record Bool() implements Field {}

    private record TextList(int maxItems, int maxLength) implements Field {}

    private record Nested(PatchSpec spec) implements Field {}

    private record Int(long min, long max) implements Field {}

    private final Map<String, Field> fields = new LinkedHashMap<>();

    public PatchSpec text(String name, int maxLength) {
        fields.put(name, new Text(maxLength));
        return this;
    }

    public <E extends Enum<E>> PatchSpec enumeration(String name, Class<E> type) {
        fields.put(
                name,
                new Enumerated(
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        return this;
    }

    /** An integer property; values outside [min, max] are PropertyValueIncorrect. */
    public PatchSpec integer(String name, long min, long max) {
        fields.put(name, new Int(min, max));
        return this;
    }

    public PatchSpec bool(String name) {
        fields.put(name, new Bool());
        return this;
    }

    public PatchSpec textList(String name, int maxItems, int maxLength) {
        fields.put(name, new TextList(maxItems, maxLength));
        return this;
    }

    public PatchSpec nested(String name, PatchSpec spec) {
        fields.put(name, new Nested(spec));
        return this;
    }

    /** Validates {@code body} against this spec and the current representation; throws 400 with every problem. */
    public void validate(ObjectNode body, JsonNode current) {
        if (annotationsOnly(body)) {
            throw RedfishError.of(BaseMessage.NoOperation).exception();
        }
        RedfishError.Collector errors = new RedfishError.Collector();
        validate(body, current, "#", errors);
        errors.throwIfAny();
    }

    /**
     * A body with nothing but OData annotations ({@code @odata.id}, {@code @odata.etag}...) asks for no change: DSP0266
     * "PATCH (update)" answers it 400 NoOperation rather than PropertyNotWritable.
     */
    public static boolean annotationsOnly(ObjectNode body) {
        if (body.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!e.getKey().startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    private void validate(ObjectNode body, JsonNode current, String prefix, RedfishError.Collector errors) {
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String name = e.getKey();
            String pointer = prefix + "/" + name;
            String display = pointer.substring(2);
            Field f = fields.get(name);
            if (f == null) {
                boolean known = current != null && current.has(name);
                errors.add(known ? BaseMessage.PropertyNotWritable : BaseMessage.PropertyUnknown, pointer, display);
                continue;
            }
            JsonNode v = e.getValue();
            String shown = v.isTextual() ? v.asText() : Json.write(v);
            if (f instanceof Text t) {
                if (!v.isTextual()) {
                    errors.add(BaseMessage.PropertyValueTypeError, pointer, shown, display);
                } else if (v.asText().length() > t.maxLength()) {
                    errors.add(BaseMessage.PropertyValueFormatError, pointer, shown, display);
                }
            } else if (f instanceof Enumerated en) {
                if (!v.isTextual()) {
                    errors.add(BaseMessage.PropertyValueTypeError, pointer, shown, display);
                } else if (!en.allowed().contains(v.asText())) {
                    errors.add(BaseMessage.PropertyValueNotInList, pointer, shown, display);
                }
            } else if (f instanceof Bool) {
                if (!v.isBoolean()) {
                    errors.add(BaseMessage.PropertyValueTypeError, pointer, shown, display);
                }
            } else if (f instanceof Int i) {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    errors.add(BaseMessage.PropertyValueTypeError, pointer, shown, display);
                } else if (v.asLong() < i.min() || v.asLong() > i.max()) {
                    errors.add(BaseMessage.PropertyValueIncorrect, pointer, display, shown);
                }
            } else if (f instanceof TextList l) {
                validateList(v, l, pointer, shown, display, errors);
            } else if (f instanceof Nested n) {
                if (v instanceof ObjectNode o) {
                    n.spec().validate(o, current == null ? null : current.get(name), pointer, errors);
                } else {
                    errors.add(BaseMessage.PropertyValueTypeError, pointer, shown, display);
                }
            }
        }
    }

    private static void validateList(
            JsonNode v, TextList l, String pointer, String shown, String display, RedfishError.Collector errors) {
        if (!v.isArray()) {
            errors.add(BaseMessage.PropertyValueTypeError, pointer, shown, display);
            return;
        }
        if (v.size() > l.maxItems()) {
            errors.add(BaseMessage.PropertyValueFormatError, pointer, shown, display);
            return;
        }
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().length() > l.maxLength()) {
                errors.add(BaseMessage.PropertyValueTypeError, pointer, shown, display);
                return;
            }
        }
    }

    /** A validated text property, if present. */
    public static Optional<String> text(JsonNode body, String name) {
        return Optional.ofNullable(body == null ? null : body.get(name)).map(JsonNode::asText);
    }

    /** A validated enum property, if present. */
    public static <E extends Enum<E>> Optional<E> enumValue(JsonNode body, String name, Class<E> type) {
        return text(body, name).map(s -> Enum.valueOf(type, s));
    }

    public static Optional<Long> integer(JsonNode body, String name) {
        return Optional.ofNullable(body == null ? null : body.get(name)).map(JsonNode::asLong);
    }

    public static Optional<Boolean> bool(JsonNode body, String name) {
        return Optional.ofNullable(body == null ? null : body.get(name)).map(JsonNode::asBoolean);
    }

    public static Optional<List<String>> textList(JsonNode body, String name) {
        JsonNode v = body == null ? null : body.get(name);
        if (v == null) {
            return Optional.empty();
        }
        List<String> out = new java.util.ArrayList<>();
        v.forEach(i -> out.add(i.asText()));
        return Optional.of(List.copyOf(out));
    }

    @Override
    public String toString() {
        return fields.keySet().stream().collect(Collectors.joining(",", "PatchSpec[", "]"));
    }
}
