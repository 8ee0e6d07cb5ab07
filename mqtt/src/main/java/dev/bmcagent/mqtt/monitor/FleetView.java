package dev.bmcagent.mqtt.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.mqtt.telemetry.HostPhase;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one monitor knows about the fleet: each host's phase and active alerts (from the retained state and alert
 * topics) and, per host, which event sequence numbers it has seen (duplicates dropped, holes counted).
 * Hosts are keyed by their topic path without the last level, e.g. {@code bmc/lab1/bmc7/host0}; their BMC by that
 * key without its last level, e.g. {@code bmc/lab1/bmc7}.
 *
 * <p>Staleness: a host is <em>stale</em> — left out of the phase counts and the stuck list, listed apart — while its
 * BMC's retained status is {@code offline} (clean shutdown or the broker fired its last will), or when no document
 * (state, alert, event) of that host arrived for {@code staleAfter} on the monitor's clock (the agent republishes
 * every host's state every 30 s). Arrival time is used, not the document's {@code time}: the BMC's clock may be off.
 * Thread-safe.
 */
public final class FleetView {
    /** Sequence numbers remembered above the contiguous prefix before the oldest holes are given up. */
    private static final int MAX_PENDING = 4096;

    private final Map<String, HostView> hosts = new TreeMap<>();
    private final Map<String, BmcView> bmcs = new TreeMap<>();
    private final Duration staleAfter;
    private final Map<String, Seen> seen = new HashMap<>();
    private long duplicates;

    /** The verdict on one received event. */
    public enum Verdict {
        NEW,
        DUPLICATE
    }

    /** No staleness by age (only an {@code offline} status makes hosts stale). */
    public FleetView() {
        this(Duration.ZERO);
    }

    /** @param staleAfter a host without a document for this long is stale; zero: never by age */
    public FleetView(Duration staleAfter) {
        if (staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter is negative");
        }
        this.staleAfter = staleAfter;
    }

    /** A change of a BMC's liveness the monitor raises an alert for. */
    public record BmcChange(String bmc, String kind, boolean raised, String detail) {}

    /** A host whose data cannot be trusted any more: its BMC is offline or silent. */
    public record Stale(String host, String lastPhase, String reason) {}

    /** A host stuck before the OS. */
    public record Stuck(String host, String phase, double elapsedSeconds, String detail) {}

    /** Counts by phase, stuck hosts and event bookkeeping at one instant. */
    public record Snapshot(
            Instant at,
            int hosts,
            Map<HostPhase, Integer> byPhase,
            List<Stuck> stuck,
            long duplicates,
            long holes,
            List<Stale> stale) {
        /** Phase counts are of live hosts; stale hosts are counted and listed apart with their last phase. */
        public String render() {
            StringBuilder b = new StringBuilder();
            b.append("fleet ").append(at).append("  hosts ").append(hosts).append(" |");
            byPhase.forEach((p, n) -> b.append(' ').append(p.name()).append(' ').append(n));
            b.append(" | stale ").append(stale.size());
            b.append(" | stuck ")
                    .append(stuck.size())
                    .append(" | duplicates ")
                    .append(duplicates)
                    .append(" holes ")
                    .append(holes);
            for (Stuck s : stuck) {
                b.append(String.format(
                        java.util.Locale.ROOT,
                        "%n  STUCK %s  %s  %.0f s  %s",
                        s.host(),
                        s.phase(),
                        s.elapsedSeconds(),
                        s.detail()));
            }
            for (Stale s : stale) {
                b.append(String.format(
                        java.util.Locale.ROOT, "%n  STALE %s  last phase %s  %s", s.host(), s.lastPhase(), s.reason()));
            }
            return b.toString();
        }
    }

    private static final class HostView {
        HostPhase phase = HostPhase.Off;
        final Map<String, JsonNode> alerts = new TreeMap<>();
        Instant lastSeen;
    }

    private static final class BmcView {
        /** The reason of the last {@code offline} status, or null while online (or never heard of). */
        String offline;

        Instant lastSeen;
        boolean silent;
    }

    private static final class Seen {
        long upTo = -1;
        final TreeSet<Long> above = new TreeSet<>();
    }

    /** A retained state document arrived (no arrival time: never stale by age). */
    public synchronized void onState(String host, JsonNode state) {
        onState(host, state, null);
    }

    /** A retained state document arrived at {@code now}. */
    public synchronized void onState(String host, JsonNode state, Instant now) {
        HostView v = seen(host, now);
        try {
            v.phase = HostPhase.valueOf(state.path("phase").asText("Off"));
        } catch (IllegalArgumentException e) {
            v.phase = HostPhase.Off;
        }
    }

    /** An alert topic changed: {@code alert} is the document, or null when cleared. */
    public synchronized void onAlert(String host, String kind, JsonNode alert) {
        onAlert(host, kind, alert, null);
    }

    /** An alert topic changed at {@code now}. */
    public synchronized void onAlert(String host, String kind, JsonNode alert, Instant now) {
        HostView v = seen(host, now);
        if (alert == null) {
            v.alerts.remove(kind);
        } else {
            v.alerts.put(kind, alert);
        }
    }

    /** An event arrived at {@code now} (it shows the host's BMC is alive); see {@link #onEvent(String, long)}. */
    public synchronized Verdict onEvent(String host, long sequence, Instant now) {
        seen(host, now);
        return onEvent(host, sequence);
    }

    /**
     * A BMC's status document arrived ({@code <prefix>/status}, e.g. {@code bmc/lab1/bmc7}). Returns the change to
     * alert on: {@code bmc-offline} raised on {@code offline} (the last will or a clean shutdown), cleared on
     * {@code online}; empty when nothing changed (e.g. the retained status repeated).
     */
    public synchronized java.util.Optional<BmcChange> onStatus(String bmc, JsonNode status, Instant now) {
        BmcView b = bmcs.computeIfAbsent(bmc, k -> new BmcView());
        b.lastSeen = now;
        b.silent = false;
        String st = status.path("status").asText("");
        if (st.equals("offline")) {
            boolean was = b.offline != null;
            String reason = status.path("reason").asText("");
            b.offline = reason.isEmpty() ? "offline" : "offline (" + reason + ")";
            String since = status.hasNonNull("time")
                    ? " at " + status.path("time").asText()
                    : status.hasNonNull("connectedAt")
                            ? ", connected since " + status.path("connectedAt").asText()
                            : "";
            return was
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(new BmcChange(bmc, "bmc-offline", true, b.offline + since));
        }
        if (st.equals("online") && b.offline != null) {
            b.offline = null;
            return java.util.Optional.of(new BmcChange(bmc, "bmc-offline", false, "online again"));
        }
        return java.util.Optional.empty();
    }

    /**
     * BMCs that became silent (no document for {@code staleAfter}) since the last call ({@code bmc-silent} raised),
     * or spoke again ({@code bmc-silent} cleared). Call it periodically.
     */
    public synchronized List<BmcChange> checkSilence(Instant now) {
        List<BmcChange> out = new ArrayList<>();
        if (staleAfter.isZero()) {
            return out;
        }
        bmcs.forEach((k, b) -> {
            boolean silent = b.offline == null && b.lastSeen != null && old(b.lastSeen, now);
            if (silent && !b.silent) {
                out.add(new BmcChange(k, "bmc-silent", true, "no document for " + staleAfter.toSeconds() + " s"));
            } else if (!silent && b.silent && b.offline == null) {
                out.add(new BmcChange(k, "bmc-silent", false, "documents arrive again"));
            }
            b.silent = silent;
        });
        return out;
    }

    private HostView seen(String host, Instant now) {
        HostView v = hosts.computeIfAbsent(host, h -> new HostView());
        if (now != null) {
            v.lastSeen = now;
            BmcView b = bmcs.computeIfAbsent(bmcOf(host), k -> new BmcView());
            b.lastSeen = now;
        }
        return v;
    }

    private boolean old(Instant lastSeen, Instant now) {
        return !staleAfter.isZero()
                && lastSeen != null
                && Duration.between(lastSeen, now).compareTo(staleAfter) > 0;
    }

    /** {@code bmc/lab1/bmc7/host0} → {@code bmc/lab1/bmc7}. */
    static String bmcOf(String host) {
        int slash = host.lastIndexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    /** An event arrived; NEW the first time this (host, sequence) is seen here, DUPLICATE after. */
    public synchronized Verdict onEvent(String host, long sequence) {
        Seen s = seen.computeIfAbsent(host, h -> new Seen());
        if (s.upTo < 0) {
            s.upTo = sequence - 1;
        }
        if (sequence <= s.upTo || !s.above.add(sequence)) {
            duplicates++;
            return Verdict.DUPLICATE;
        }
        while (!s.above.isEmpty() && s.above.first() == s.upTo + 1) {
            s.upTo = s.above.pollFirst();
        }
        while (s.above.size() > MAX_PENDING) {
            s.upTo = s.above.pollFirst();
        }
        return Verdict.NEW;
    }

    public synchronized Snapshot snapshot(Instant now) {
        Map<HostPhase, Integer> byPhase = new EnumMap<>(HostPhase.class);
        for (HostPhase p : HostPhase.values()) {
            byPhase.put(p, 0);
        }
        List<Stuck> stuck = new ArrayList<>();
        List<Stale> stale = new ArrayList<>();
        hosts.forEach((key, v) -> {
            BmcView b = bmcs.get(bmcOf(key));
            if (b != null && b.offline != null) {
                stale.add(new Stale(key, v.phase.name(), "BMC " + b.offline));
                return;
            }
            if (old(v.lastSeen, now)) {
                stale.add(new Stale(
                        key,
                        v.phase.name(),
                        String.format(
                                java.util.Locale.ROOT,
                                "no document for %d s",
                                Duration.between(v.lastSeen, now).toSeconds())));
                return;
            }
            byPhase.merge(v.phase, 1, Integer::sum);
            JsonNode a = v.alerts.get("stuck-pre-os");
            if (a != null) {
                double elapsed = a.path("elapsedSeconds").asDouble() + sinceDoc(a, now);
                stuck.add(new Stuck(
                        key,
                        a.path("phase").asText(v.phase.name()),
                        elapsed,
                        a.path("detail").asText()));
            }
        });
        long holes = 0;
        for (Seen s : seen.values()) {
            if (!s.above.isEmpty()) {
                holes += s.above.last() - s.upTo - s.above.size();
            }
        }
        return new Snapshot(now, hosts.size(), byPhase, stuck, duplicates, holes, stale);
    }

    private static double sinceDoc(JsonNode doc, Instant now) {
        try {
            Duration d = Duration.between(Instant.parse(doc.path("time").asText()), now);
            return d.isNegative() ? 0 : d.toMillis() / 1000.0;
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
