package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Principal;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Open SSE responses by subscription id; each event is written as {@code id:} + {@code data:} + blank line. Each
 * stream remembers who opened it (the principal and the account's session stamp then), so that it can be ended as
 * soon as those credentials end: {@link #endWhere}. Event-loop confined.
 */
public final class SseStreams {

    /** Who opened a stream: the principal and its account's session stamp at that moment. */
    public record Opener(Principal principal, Optional<String> stamp) {
    }

    private record Stream(HttpServerResponse response, Opener opener, Runnable onEnd) {
    }

    private final Map<String, Stream> open = new HashMap<>();

    void open(String subscriptionId, HttpServerResponse response, Opener opener, Runnable onEnd) {
        open.put(subscriptionId, new Stream(response, opener, onEnd));
    }

    void closed(String subscriptionId) {
        open.remove(subscriptionId);
    }

    void send(Subscription s, long id, RedfishEvent e) {
        Stream st = open.get(s.id());
        if (st == null || st.response.closed()) {
            return;
        }
        st.response.write("id: " + id + "\ndata: " + Json.write(EventJson.render(e, s.context(),
                s.filter().includeOriginOfCondition())) + "\n\n");
    }

    /** Ends (and unsubscribes) every stream whose opener matches; returns how many. */
    public int endWhere(Predicate<Opener> ended) {
        int n = 0;
        for (Map.Entry<String, Stream> e : new ArrayList<>(open.entrySet())) {
            if (ended.test(e.getValue().opener)) {
                open.remove(e.getKey());
                e.getValue().onEnd.run();
                if (!e.getValue().response.ended() && !e.getValue().response.closed()) {
                    e.getValue().response.end();
                }
                n++;
            }
        }
        return n;
    }

    public int openCount() {
        return open.size();
    }
}
