package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.http.Json;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Open SSE responses by subscription id; each event is written as {@code id:} (its {@link RedfishEvent#eventId()})
 * + {@code data:} + blank line. Per stream it remembers the last per-host sequence written, so an event replayed
 * from the history on resume and then delivered live is written once. Used on the service's context only.
 */
public final class SseStreams {

    private final Map<String, Stream> open = new HashMap<>();

    private record Stream(HttpServerResponse response, Map<String, Long> lastByHost) {
    }

    void open(String subscriptionId, HttpServerResponse response) {
        open.put(subscriptionId, new Stream(response, new HashMap<>()));
    }

    void closed(String subscriptionId) {
        open.remove(subscriptionId);
    }

    void send(Subscription s, RedfishEvent e) {
        Stream st = open.get(s.id());
        if (st == null || st.response().closed()) {
            return;
        }
        int dot = e.eventId().lastIndexOf('.');
        if (dot > 0 && e.eventId().substring(dot + 1).matches("[0-9]{1,18}")) {
            String host = e.eventId().substring(0, dot);
            long seq = Long.parseLong(e.eventId().substring(dot + 1));
            Long last = st.lastByHost().get(host);
            if (last != null && seq <= last) {
                return;   // already written by the replay
            }
            st.lastByHost().put(host, seq);
        }
        st.response().write("id: " + e.eventId() + "\ndata: " + Json.write(EventJson.render(e, s.context())) + "\n\n");
    }

    public int openCount() {
        return open.size();
    }
}
