package dev.bmcagent.redfish.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Schema;

/** The Redfish Event payload for one {@link RedfishEvent}, as pushed and as SSE {@code data:}. */
public final class EventJson {

    private EventJson() {}

    public static ObjectNode render(RedfishEvent e, String context) {
        return render(e, context, true);
    }

    /**
     * The event document for one subscription.
     *
     * @param includeOrigin the subscription's IncludeOriginOfCondition: false leaves OriginOfCondition out
     */
    public static ObjectNode render(RedfishEvent e, String context, boolean includeOrigin) {
        ObjectNode n = Json.object();
        n.put("@odata.type", Schema.EVENT.odataType());
        n.put("Id", e.eventId());
        n.put("Name", "Event Array");
        n.put("Context", context);
        ObjectNode record = n.putArray("Events").addObject();
        // Event v1_9_0 EventRecord requires EventType (deprecated, "Other" for registry-based events) and MemberId
        // (the zero-based index in Events since Redfish 1.6); each payload carries one record.
        record.put("MemberId", "0");
        record.put("EventType", "Other");
        record.put("EventId", e.eventId());
        record.put("EventTimestamp", Json.dateTime(e.timestamp()));
        record.put("MessageId", e.registryMessageId());
        ArrayNode args = record.putArray("MessageArgs");
        e.args().forEach(args::add);
        record.put(
                "Message",
                BootMessage.byMessageId(e.registryMessageId())
                        .map(m -> m.format(e.args()))
                        .orElse(
                                EventServiceResource.BUFFER_EXCEEDED.equals(e.registryMessageId())
                                        ? "Event buffer exceeded."
                                        : e.registryMessageId()));
        record.put("MessageSeverity", e.severity().name());
        if (includeOrigin) {
            record.set("OriginOfCondition", Json.link(e.originOfCondition()));
        }
        return n;
    }
}
