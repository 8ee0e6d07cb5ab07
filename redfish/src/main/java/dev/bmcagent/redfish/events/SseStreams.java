package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.http.Json;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
import java.util.Map;

/** Open SSE responses by subscription id; each event is written as {@code id:} + {@code data:} + blank line. */
public final class SseStreams {

    private final Map<String, HttpServerResponse> open = new HashMap<>();

    void open(String subscriptionId, HttpServerResponse response) {
        open.put(subscriptionId, response);
    }

    void closed(String subscriptionId) {
        open.remove(subscriptionId);
    }

    void send(Subscription s, long id, RedfishEvent e) {
        HttpServerResponse r = open.get(s.id());
        if (r == null || r.closed()) {
            return;
        }
        r.write("id: " + id + "\ndata: " + Json.write(EventJson.render(e, s.context(), s.filter().includeOriginOfCondition())) + "\n\n");
    }

    public int openCount() {
        return open.size();
    }
}
