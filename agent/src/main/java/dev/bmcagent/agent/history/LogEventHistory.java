package dev.bmcagent.agent.history;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.journal.EventLog;
import dev.bmcagent.journal.StoredEvent;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link EventHistory} over the foundation's {@link EventLog} (durable when the log is the disk one): each
 * {@link HostEvent} is one JSON record ({@link EventCodec}) of host {@code i} for {@code "host<i>"}; a
 * {@code BootCycleStarted} event opens a new retention cycle, so the log keeps the newest N boot cycles per host.
 * Per-host sequence numbers are the events' own, so they continue after a restart ({@link #lastSequence} scans the
 * host's retained records once, then follows the appends). Each number is reserved in the log's high-water mark
 * before it is used, so after records were lost to corruption the numbers resume above every one ever handed out
 * (MQTT subscribers never see a sequence number twice).
 */
public final class LogEventHistory implements EventHistory {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogEventHistory.class);

    private static final int PAGE = 1024;
    /** Recent events kept in memory per host, so readers following the stream (the MQTT outbox) never scan. */
    static final int RECENT = 1024;

    private final EventLog log;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Long> last = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<HostEvent>> recent = new ConcurrentHashMap<>();
    /** Recent events of all hosts in recording order, so an SSE resume after a recent event never scans. */
    private final ArrayDeque<HostEvent> recentAll = new ArrayDeque<>();

    public LogEventHistory(EventLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Host index of {@code "host<i>"}. */
    static int hostIndex(String hostId) {
        if (!hostId.startsWith("host")) {
            throw new IllegalArgumentException("host id must be host<i>: " + hostId);
        }
        return Integer.parseInt(hostId.substring(4));
    }

    @Override
    public void append(HostEvent event) {
        int host = hostIndex(event.hostId());
        byte[] payload = codec.encode(event);
        try {
            log.reserve(mark(event.hostId()), event.sequence());
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(event.hostId() + " #" + event.sequence() + " not recorded", e.getCause());
        }
        try {
            (event.event() instanceof LifecycleEvent.BootCycleStarted
                            ? log.append(host, payload)
                            : log.appendToCycle(host, payload))
                    .join();
        } catch (CompletionException e) {
            throw new IllegalStateException(event.hostId() + " #" + event.sequence() + " not recorded", e.getCause());
        }
        last.merge(event.hostId(), event.sequence(), Math::max);
        synchronized (recentAll) {
            recentAll.addLast(event);
            if (recentAll.size() > RECENT) {
                recentAll.removeFirst();
            }
        }
        ArrayDeque<HostEvent> r = recent.computeIfAbsent(event.hostId(), h -> new ArrayDeque<>());
        synchronized (r) {
            r.addLast(event);
            if (r.size() > RECENT) {
                r.removeFirst();
            }
        }
    }

    @Override
    public List<HostEvent> read(String hostId, long fromSequence, int max) {
        ArrayDeque<HostEvent> r = recent.get(hostId);
        if (r != null) {
            synchronized (r) {
                if (!r.isEmpty() && r.getFirst().sequence() <= Math.max(fromSequence, 1)) {
                    List<HostEvent> out = new ArrayList<>();
                    for (HostEvent e : r) {
                        if (out.size() >= max) {
                            break;
                        }
                        if (e.sequence() >= fromSequence) {
                            out.add(e);
                        }
                    }
                    return out;
                }
            }
        }
        return scan(hostId, fromSequence, max);
    }

    /**
     * The log's record order is the recording order across hosts (one global sequence), so this resumes after any
     * retained event: from the in-memory tail when it is recent, else by scanning the durable log (after a restart).
     */
    @Override
    public Optional<List<HostEvent>> readAfter(String hostId, long sequence, int max) {
        synchronized (recentAll) {
            List<HostEvent> out = null;
            for (HostEvent e : recentAll) {
                if (out != null && out.size() < max) {
                    out.add(e);
                } else if (out == null && e.hostId().equals(hostId) && e.sequence() == sequence) {
                    out = new ArrayList<>();
                }
            }
            if (out != null) {
                return Optional.of(out);
            }
        }
        List<HostEvent> out = null;
        long from = 1;
        while (out == null || out.size() < max) {
            List<StoredEvent> page = log.readFrom(from, PAGE).join();
            if (page.isEmpty()) {
                break;
            }
            for (StoredEvent s : page) {
                HostEvent e;
                try {
                    e = codec.decode(s.payload());
                } catch (UncheckedIOException bad) {
                    continue; // logged by scan() when the host's history is read
                }
                if (out != null && out.size() < max) {
                    out.add(e);
                } else if (out == null && e.hostId().equals(hostId) && e.sequence() == sequence) {
                    out = new ArrayList<>();
                }
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
        return Optional.ofNullable(out);
    }

    /** Reads from the durable log (after a restart, or for events older than the in-memory tail). */
    private List<HostEvent> scan(String hostId, long fromSequence, int max) {
        int host = hostIndex(hostId);
        List<HostEvent> out = new ArrayList<>();
        long from = 0;
        while (out.size() < max) {
            List<StoredEvent> page = log.readHost(host, from, PAGE).join();
            for (StoredEvent s : page) {
                HostEvent e;
                try {
                    e = codec.decode(s.payload());
                } catch (UncheckedIOException bad) {
                    // a record this version cannot read (foreign or damaged payload): skip it, keep the rest
                    LOG.warn(
                            "{}: skipping undecodable history record {}: {}",
                            hostId,
                            s.sequence(),
                            bad.getCause().getMessage());
                    continue;
                }
                if (e.sequence() >= fromSequence && out.size() < max) {
                    out.add(e);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
        return out;
    }

    @Override
    public long lastSequence(String hostId) {
        return last.computeIfAbsent(hostId, h -> {
            List<HostEvent> all = scan(h, 0, Integer.MAX_VALUE);
            long found = all.isEmpty() ? 0L : all.get(all.size() - 1).sequence();
            // after corruption: continue above every sequence number ever handed out, even lost ones
            return Math.max(found, log.recoveredCeiling(mark(h)));
        });
    }

    /** High-water mark key of a host's sequence numbers. */
    static String mark(String hostId) {
        return "seq." + hostId;
    }
}
