package dev.bmcagent.redfish.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.EventFilter;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import java.util.ArrayList;
import java.util.List;

/**
 * The EventDestination properties of an {@link EventFilter} in a subscription POST and on GET: MessageIds,
 * ExcludeMessageIds, ExcludeRegistryPrefixes (each at most {@link #MAX_ITEMS} strings of at most 64 characters),
 * OriginResources (at most {@link #MAX_ITEMS} links under /redfish/v1/), SubordinateResources and
 * IncludeOriginOfCondition (booleans). Every problem is reported together (400).
 */
final class EventFilterBody {

    /** Items per filter list: as many as RegistryPrefixes/ResourceTypes allow, bounding the per-event check. */
    static final int MAX_ITEMS = 16;

    static final List<String> PROPERTIES = List.of(
            "MessageIds",
            "ExcludeMessageIds",
            "ExcludeRegistryPrefixes",
            "OriginResources",
            "SubordinateResources",
            "IncludeOriginOfCondition");

    private EventFilterBody() {}

    /** Takes the filter properties out of {@code body} (so the rest can be checked on its own) and parses them. */
    static EventFilter take(ObjectNode body) {
        RedfishError.Collector errors = new RedfishError.Collector();
        List<String> messageIds = texts(body.remove("MessageIds"), "MessageIds", errors);
        List<String> excludeIds = texts(body.remove("ExcludeMessageIds"), "ExcludeMessageIds", errors);
        List<String> excludePrefixes = texts(body.remove("ExcludeRegistryPrefixes"), "ExcludeRegistryPrefixes", errors);
        excludePrefixes.stream()
                .filter(x -> !x.equals(BootMessage.PREFIX))
                .findFirst()
                .ifPresent(x -> errors.add(
                        BaseMessage.PropertyValueNotInList, "#/ExcludeRegistryPrefixes", x, "ExcludeRegistryPrefixes"));
        List<String> origins = links(body.remove("OriginResources"), errors);
        boolean subordinate = bool(body.remove("SubordinateResources"), "SubordinateResources", false, errors);
        boolean includeOrigin = bool(body.remove("IncludeOriginOfCondition"), "IncludeOriginOfCondition", true, errors);
        errors.throwIfAny();
        return new EventFilter(messageIds, origins, excludeIds, excludePrefixes, subordinate, includeOrigin);
    }

    /** The filter as EventDestination shows it. */
    static void render(ObjectNode n, EventFilter f) {
        array(n.putArray("MessageIds"), f.messageIds());
        array(n.putArray("ExcludeMessageIds"), f.excludeMessageIds());
        array(n.putArray("ExcludeRegistryPrefixes"), f.excludeRegistryPrefixes());
        ArrayNode origins = n.putArray("OriginResources");
        f.originResources().forEach(o -> origins.add(Json.link(o)));
        n.put("SubordinateResources", f.subordinateResources());
        n.put("IncludeOriginOfCondition", f.includeOriginOfCondition());
    }

    private static void array(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> texts(JsonNode v, String name, RedfishError.Collector errors) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray() || v.size() > MAX_ITEMS) {
            errors.add(BaseMessage.PropertyValueFormatError, "#/" + name, Json.write(v), name);
            return out;
        }
        for (JsonNode x : v) {
            if (!x.isTextual() || x.asText().isEmpty() || x.asText().length() > 64) {
                errors.add(BaseMessage.PropertyValueFormatError, "#/" + name, Json.write(x), name);
            } else {
                out.add(x.asText());
            }
        }
        return out;
    }

    private static List<String> links(JsonNode v, RedfishError.Collector errors) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray() || v.size() > MAX_ITEMS) {
            errors.add(BaseMessage.PropertyValueFormatError, "#/OriginResources", Json.write(v), "OriginResources");
            return out;
        }
        for (JsonNode x : v) {
            JsonNode id = x.get("@odata.id");
            if (!x.isObject()
                    || x.size() != 1
                    || id == null
                    || !id.isTextual()
                    || !id.asText().matches("/redfish/v1/[A-Za-z0-9_./-]{1,240}")) {
                errors.add(BaseMessage.PropertyValueFormatError, "#/OriginResources", Json.write(x), "OriginResources");
            } else {
                out.add(id.asText());
            }
        }
        return out;
    }

    private static boolean bool(JsonNode v, String name, boolean dflt, RedfishError.Collector errors) {
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            errors.add(BaseMessage.PropertyValueTypeError, "#/" + name, Json.write(v), name);
            return dflt;
        }
        return v.asBoolean();
    }
}
