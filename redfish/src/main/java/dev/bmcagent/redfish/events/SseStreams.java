package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.http.Json;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open SSE responses by subscription id; each event is written as {@code id:} (its {@link RedfishEvent#eventId()})
 * + {@code data:} + blank line. Per stream it remembers the last per-host sequence written, so an event replayed
 * from the history on resume and then delivered live is written once. A resuming stream is opened <em>held</em>:
 * live events are kept (at most {@link #MAX_HELD}) until its replay is written. Used on the service's context only.
 */
public final class SseStreams {
    /** Live events kept per resuming stream while its replay is read; more are dropped and the client told. */
    static final int MAX_HELD = EventServiceResource.MAX_REPLAY;

    private final Map<String, Stream> open = new HashMap<>();

    private static final class Stream {
        final HttpServerResponse response;
        final Map<String, Long> lastByHost = new HashMap<>();
        List<RedfishEvent> held;
        boolean overflowed;

        Stream(HttpServerResponse response, boolean hold) {
            this.response = response;
            this.held = hold ? new ArrayList<>() : null;
        }
    }

    /** Held events of a stream whose replay is done: write them after the replay. */
    record Released(List<RedfishEvent> events, boolean overflowed) {
    }

    void open(String subscriptionId, HttpServerResponse response) {
        open.put(subscriptionId, new Stream(response, false));
    }

    /** Opens a stream that keeps live events until {@link #release}. */
    void openHeld(String subscriptionId, HttpServerResponse response) {
        open.put(subscriptionId, new Stream(response, true));
    }

    /** Makes a held stream live; returns what it kept (empty when it is closed or was never held). */
    Released release(String subscriptionId) {
        Stream st = open.get(subscriptionId);
        if (st == null || st.held == null) {
            return new Released(List.of(), false);
        }
        Released r = new Released(st.held, st.overflowed);
        st.held = null;
        return r;
    }

    void closed(String subscriptionId) {
        open.remove(subscriptionId);
    }

    void send(Subscription s, RedfishEvent e) {
        Stream st = open.get(s.id());
        if (st == null || st.response.closed()) {
            return;
        }
        if (st.held != null) {
            if (st.held.size() < MAX_HELD) {
                st.held.add(e);
            } else {
                st.overflowed = true;
            }
            return;
        }
        write(s, st, e);
    }

    private static void write(Subscription s, Stream st, RedfishEvent e) {
        int dot = e.eventId().lastIndexOf('.');
        if (dot > 0 && e.eventId().substring(dot + 1).matches("[0-9]{1,18}")) {
            String host = e.eventId().substring(0, dot);
            long seq = Long.parseLong(e.eventId().substring(dot + 1));
            Long last = st.lastByHost.get(host);
            if (last != null && seq <= last) {
                return;   // already written by the replay
            }
            st.lastByHost.put(host, seq);
        }
        st.response.write("id: " + e.eventId() + "\ndata: " + Json.write(EventJson.render(e, s.context())) + "\n\n");
    }

    /** Writes {@code e} to a stream whether it is held or not (the replay itself). */
    void sendNow(Subscription s, RedfishEvent e) {
        Stream st = open.get(s.id());
        if (st != null && !st.response.closed()) {
            write(s, st, e);
        }
    }

    public int openCount() {
        return open.size();
    }
}
