package dev.bmcagent.agent.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.agent.telemetry.HostPhase;
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
 * Hosts are keyed by their topic path without the last level, e.g. {@code bmc/lab1/bmc7/host0}. Thread-safe.
 */
public final class FleetView {
    /** Sequence numbers remembered above the contiguous prefix before the oldest holes are given up. */
    private static final int MAX_PENDING = 4096;

    private final Map<String, HostView> hosts = new TreeMap<>();
    private final Map<String, Seen> seen = new HashMap<>();
    private long duplicates;

    /** The verdict on one received event. */
    public enum Verdict { NEW, DUPLICATE }

    /** A host stuck before the OS. */
    public record Stuck(String host, String phase, double elapsedSeconds, String detail) {
    }

    /** Counts by phase, stuck hosts and event bookkeeping at one instant. */
    public record Snapshot(Instant at, int hosts, Map<HostPhase, Integer> byPhase, List<Stuck> stuck, long duplicates,
                           long holes) {
        public String render() {
            StringBuilder b = new StringBuilder();
            b.append("fleet ").append(at).append("  hosts ").append(hosts).append(" |");
            byPhase.forEach((p, n) -> b.append(' ').append(p.name()).append(' ').append(n));
            b.append(" | stuck ").append(stuck.size()).append(" | duplicates ").append(duplicates)
                    .append(" holes ").append(holes);
            for (Stuck s : stuck) {
                b.append(String.format(java.util.Locale.ROOT, "%n  STUCK %s  %s  %.0f s  %s", s.host(), s.phase(),
                        s.elapsedSeconds(), s.detail()));
            }
            return b.toString();
        }
    }

    private static final class HostView {
        HostPhase phase = HostPhase.Off;
        final Map<String, JsonNode> alerts = new TreeMap<>();
    }

    private static final class Seen {
        long upTo = -1;
        final TreeSet<Long> above = new TreeSet<>();
    }

    /** A retained state document arrived. */
    public synchronized void onState(String host, JsonNode state) {
        HostView v = hosts.computeIfAbsent(host, h -> new HostView());
        try {
            v.phase = HostPhase.valueOf(state.path("phase").asText("Off"));
        } catch (IllegalArgumentException e) {
            v.phase = HostPhase.Off;
        }
    }

    /** An alert topic changed: {@code alert} is the document, or null when cleared. */
    public synchronized void onAlert(String host, String kind, JsonNode alert) {
        HostView v = hosts.computeIfAbsent(host, h -> new HostView());
        if (alert == null) {
            v.alerts.remove(kind);
        } else {
            v.alerts.put(kind, alert);
        }
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
        hosts.forEach((key, v) -> {
            byPhase.merge(v.phase, 1, Integer::sum);
            JsonNode a = v.alerts.get("stuck-pre-os");
            if (a != null) {
                double elapsed = a.path("elapsedSeconds").asDouble() + sinceDoc(a, now);
                stuck.add(new Stuck(key, a.path("phase").asText(v.phase.name()), elapsed, a.path("detail").asText()));
            }
        });
        long holes = 0;
        for (Seen s : seen.values()) {
            if (!s.above.isEmpty()) {
                holes += s.above.last() - s.upTo - s.above.size();
            }
        }
        return new Snapshot(now, hosts.size(), byPhase, stuck, duplicates, holes);
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
