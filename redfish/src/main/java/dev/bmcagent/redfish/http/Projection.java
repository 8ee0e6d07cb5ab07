package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code $select} query (DSP0266 "Select parameter"): keeps the listed properties (paths with '/'),
 * always keeping {@code @odata.id}, {@code @odata.type}, {@code @odata.etag} and {@code @odata.context}.
 */
public final class Projection {

    private Projection() {
    }

    /** 400 QueryParameterValueFormatError unless every comma-separated path is non-empty. */
    public static void validate(String select) {
        for (String raw : select.split(",")) {
            if (raw.trim().isEmpty()) {
                throw RedfishError.of(BaseMessage.QueryParameterValueFormatError, select, "$select").exception();
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
        for (String raw : select.split(",")) {
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
        if (i == path.length - 1 || !value.isObject()) {
            to.set(path[i], value);
            return;
        }
        JsonNode existing = to.get(path[i]);
        ObjectNode child = existing instanceof ObjectNode o ? o : to.putObject(path[i]);
        copy((ObjectNode) value, child, path, i + 1);
    }
}
