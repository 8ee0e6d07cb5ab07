package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code $select} query (DSP0266 "Select parameter"): keeps the listed properties (paths with '/'),
 * always keeping {@code @odata.id}, {@code @odata.type}, {@code @odata.etag} and {@code @odata.context}. A path
 * through an array applies to each of its objects, which keep their own {@code @odata.*} properties
 * ({@code Members/PowerState} of an expanded collection).
 */
public final class Projection {

    private Projection() {}

    /** 400 QueryParameterValueFormatError unless every comma-separated path is non-empty. */
    public static void validate(String select) {
        for (String raw : select.split(",", -1)) {
            if (raw.trim().isEmpty()) {
                throw RedfishError.of(BaseMessage.QueryParameterValueFormatError, select, "$select")
                        .exception();
            }
        }
    }

    public static ObjectNode select(ObjectNode body, String select) {
        validate(select);
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (e.getKey().startsWith("@odata.")) {
                out.set(e.getKey(), e.getValue());
            }
        }
        for (String raw : select.split(",", -1)) {
            String path = raw.trim();
            copy(body, out, path.split("/"), 0);
        }
        return out;
    }

    private static void copy(ObjectNode from, ObjectNode to, String[] path, int i) {
        JsonNode value = from.get(path[i]);
        if (value == null) {
            return;
        }
        if (i == path.length - 1 || !value.isContainerNode()) {
            to.set(path[i], value);
            return;
        }
        JsonNode existing = to.get(path[i]);
        if (value instanceof ObjectNode object) {
            ObjectNode child = existing instanceof ObjectNode o ? o : to.putObject(path[i]);
            copy(object, child, path, i + 1);
            return;
        }
        // an array: the rest of the path applies to each element (e.g. Members/Name of an expanded collection)
        ArrayNode array = (ArrayNode) value;
        ArrayNode out = existing instanceof ArrayNode a && a.size() == array.size() ? a : skeleton(to, path[i], array);
        for (int k = 0; k < array.size(); k++) {
            if (array.get(k) instanceof ObjectNode element && out.get(k) instanceof ObjectNode target) {
                copy(element, target, path, i + 1);
            }
        }
    }

    /** An array of the elements' {@code @odata.*} properties (objects) or the elements themselves (values). */
    private static ArrayNode skeleton(ObjectNode to, String name, ArrayNode array) {
        ArrayNode out = to.putArray(name);
        for (JsonNode element : array) {
            if (element instanceof ObjectNode o) {
                ObjectNode kept = out.addObject();
                o.properties().stream()
                        .filter(e -> e.getKey().startsWith("@odata."))
                        .forEach(e -> kept.set(e.getKey(), e.getValue()));
            } else {
                out.add(element);
            }
        }
        return out;
    }
}
