package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Principal;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Open SSE responses by subscription id; each event is written as {@code id:} (its {@link RedfishEvent#eventId()})
 * + {@code data:} + blank line. Per stream it remembers the last per-host sequence written, so an event replayed
 * from the history on resume and then delivered live is written once. A resuming stream is opened <em>held</em>:
 * live events are kept (at most {@link #MAX_HELD}) until its replay is written. Each stream also remembers who
 * opened it (the principal and the account's session stamp then), so that it can be ended as soon as those
 * credentials end: {@link #endWhere}. Used on the service's context only.
 */
public final class SseStreams {
    /** Live events kept per resuming stream while its replay is read; more are dropped and the client told. */
    static final int MAX_HELD = EventServiceResource.MAX_REPLAY;

    /** Who opened a stream: the principal and its account's session stamp at that moment. */
    public record Opener(Principal principal, Optional<String> stamp) {}

    private final Map<String, Stream> open = new HashMap<>();

    private static final class Stream {
        final HttpServerResponse response;
        final Opener opener;
        final Runnable onEnd;
        final Map<String, Long> lastByHost = new HashMap<>();
        List<RedfishEvent> held;
        boolean overflowed;

        Stream(HttpServerResponse response, Opener opener, Runnable onEnd, boolean hold) {
            this.response = response;
            this.opener = opener;
            this.onEnd = onEnd;
            this.held = hold ? new ArrayList<>() : null;
        }
    }

    /** Held events of a stream whose replay is done: write them after the replay. */
    record Released(List<RedfishEvent> events, boolean overflowed) {}

    void open(String subscriptionId, HttpServerResponse response, Opener opener, Runnable onEnd) {
        open.put(subscriptionId, new Stream(response, opener, onEnd, false));
    }

    /** Opens a stream that keeps live events until {@link #release}. */
    void openHeld(String subscriptionId, HttpServerResponse response, Opener opener, Runnable onEnd) {
        open.put(subscriptionId, new Stream(response, opener, onEnd, true));
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

    void send(EventDestination s, RedfishEvent e) {
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

    private static void write(EventDestination s, Stream st, RedfishEvent e) {
        int dot = e.eventId().lastIndexOf('.');
        if (dot > 0 && e.eventId().substring(dot + 1).matches("[0-9]{1,18}")) {
            String host = e.eventId().substring(0, dot);
            long seq = Long.parseLong(e.eventId().substring(dot + 1));
            Long last = st.lastByHost.get(host);
            if (last != null && seq <= last) {
                return; // already written by the replay
            }
            st.lastByHost.put(host, seq);
        }
        st.response.write("id: " + e.eventId() + "\ndata: "
                + Json.write(EventJson.render(e, s.context(), s.filter().includeOriginOfCondition())) + "\n\n");
    }

    /** Writes {@code e} to a stream whether it is held or not (the replay itself). */
    void sendNow(EventDestination s, RedfishEvent e) {
        Stream st = open.get(s.id());
        if (st != null && !st.response.closed()) {
            write(s, st, e);
        }
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
