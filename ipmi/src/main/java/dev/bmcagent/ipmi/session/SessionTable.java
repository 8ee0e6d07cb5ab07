package dev.bmcagent.ipmi.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of one LAN channel, keyed by the BMC's session ID: bounded in total and in unfinished
 * handshakes per source address, expired by idle and handshake timeouts. Not thread-safe.
 *
 * <p>Open Session and RAKP run a few times per login, too rarely for the JIT: on a BMC this code stays interpreted,
 * where a stream pipeline costs tens of microseconds (40 µs for one filter-count, measured in the agent). So the
 * scans here are plain loops.
 */
final class SessionTable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTable.class);
    /** Active sessions one user below ADMINISTRATOR may hold on one LAN endpoint. */
    public static final int SESSIONS_PER_USER = 4;
    /** Active sessions only ADMINISTRATOR users may take, so that an administrator can always log in. */
    public static final int ADMIN_RESERVE = 4;

    private final int maxSessions;
    private final int maxPendingPerSource;
    private final Duration idleTimeout;
    private final Duration handshakeTimeout;
    private final HandshakeNonces nonces;
    private final Map<Integer, RmcpPlusSession> byId = new HashMap<>();
    private final BiConsumer<RmcpPlusSession, Instant> onHandshakeTimeout;
    private final AfterReply afterReply = new AfterReply();
    /** Session log lines not written yet, in the order of their events (see {@link #logWhenQuiet}). */
    private final AfterReply lines = new AfterReply();

    /**
     * @param onHandshakeTimeout told about each handshake that timed out after RAKP 2 (not about evictions)
     */
    SessionTable(
            int maxSessions,
            int maxPendingPerSource,
            Duration idleTimeout,
            Duration handshakeTimeout,
            HandshakeNonces nonces,
            BiConsumer<RmcpPlusSession, Instant> onHandshakeTimeout) {
        this.onHandshakeTimeout = onHandshakeTimeout;
        this.maxSessions = maxSessions;
        this.maxPendingPerSource = maxPendingPerSource;
        this.idleTimeout = idleTimeout;
        this.handshakeTimeout = handshakeTimeout;
        this.nonces = nonces;
    }

    /**
     * A new pending session, evicting the oldest unfinished handshake of the same source when that source has
     * too many, or the oldest unfinished one overall when the table is full. Empty when full of active ones.
     */
    Optional<RmcpPlusSession> open(int consoleSessionId, InetSocketAddress source, CipherSuite suite, Instant now) {
        expire(now);
        InetAddress address = source.getAddress();
        int pendingFromSource = 0;
        for (RmcpPlusSession s : byId.values()) {
            if (s.state != RmcpPlusSession.State.ACTIVE && s.source.getAddress().equals(address)) {
                pendingFromSource++;
            }
        }
        if (pendingFromSource >= maxPendingPerSource) {
            evictOldestPending(address);
        }
        if (byId.size() >= maxSessions && !evictOldestPending(null)) {
            return Optional.empty();
        }
        int id;
        do {
            id = nonces.sessionId();
        } while (byId.containsKey(id));
        RmcpPlusSession session = new RmcpPlusSession(id, consoleSessionId, source, suite, now);
        byId.put(id, session);
        return Optional.of(session);
    }

    Optional<RmcpPlusSession> find(int bmcSessionId, Instant now) {
        RmcpPlusSession s = byId.get(bmcSessionId);
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            byId.remove(bmcSessionId);
            timedOut(s, now);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void remove(RmcpPlusSession session, String why) {
        if (byId.remove(session.bmcSessionId) != null && session.state == RmcpPlusSession.State.ACTIVE) {
            RmcpPlusSession.Label label = session.label();
            log(() -> LOG.info("IPMI {} closed: {}", label, why));
        }
    }

    /**
     * Queues a session log line to be written when the session layer is next quiet: after the reply to the datagram
     * that closes a session ({@link #log}), or at the next {@link #writeLines} (the agent's sweep, every second). For
     * the "established" line. A login comes too rarely for the JIT and the CPU caches to keep the logging code, so a
     * line costs 150-210 µs to format and write on a BMC, against 20 µs a reply: written after the RAKP 4, it
     * delayed the session's first message, which a console sends within 150 µs (docs/BENCHMARKS.md). After the Close
     * Session reply it delays nobody (the console is leaving); a session that stays open has its line written by the
     * next sweep, at most a second late. The line names the instant of the login. Bounded like the sessions: one line
     * per session established and not yet closed or swept.
     */
    void logWhenQuiet(Runnable line) {
        lines.add(line);
    }

    /**
     * Queues a session log line and writes every queued one after the reply ({@link #afterReply}), in order (a second
     * write queued by the same datagram finds nothing left).
     */
    void log(Runnable line) {
        lines.add(line);
        afterReply(lines::run);
    }

    /** Writes the queued session log lines, in order; one failing line does not stop the others. */
    void writeLines() {
        lines.run();
    }

    /** Queues work to run after the current datagram's reply went out, see {@link AfterReply}. */
    void afterReply(Runnable work) {
        afterReply.add(work);
    }

    /** Runs what {@link #afterReply(Runnable)} queued. */
    void runAfterReply() {
        afterReply.run();
    }

    /** Drops timed-out sessions; returns how many. */
    int expire(Instant now) {
        List<RmcpPlusSession> gone = null; // allocated only when a session expired: expire runs on every Open Session
        Iterator<RmcpPlusSession> it = byId.values().iterator();
        while (it.hasNext()) {
            RmcpPlusSession s = it.next();
            if (expired(s, now)) {
                it.remove();
                if (gone == null) {
                    gone = new ArrayList<>();
                }
                gone.add(s);
            }
        }
        if (gone == null) {
            return 0;
        }
        for (RmcpPlusSession s : gone) {
            timedOut(s, now);
        }
        return gone.size();
    }

    private void timedOut(RmcpPlusSession s, Instant now) {
        if (s.state == RmcpPlusSession.State.ACTIVE) {
            RmcpPlusSession.Label label = s.label();
            log(() -> LOG.info("IPMI {} closed: idle timeout", label));
        } else if (s.state == RmcpPlusSession.State.RAKP2_SENT) {
            onHandshakeTimeout.accept(s, now);
        }
    }

    /**
     * Whether {@code user} may activate one more session: an ADMINISTRATOR up to the table size; anybody else up to
     * {@value #SESSIONS_PER_USER} and only while more than {@value #ADMIN_RESERVE} slots remain for administrators
     * (both cut to fit a small table).
     */
    boolean admits(String user, boolean administrator) {
        int reserve = ADMIN_RESERVE * 2 <= maxSessions ? ADMIN_RESERVE : maxSessions / 2;
        int perUser = Math.max(1, Math.min(SESSIONS_PER_USER, maxSessions - reserve));
        int active = activeCount();
        if (active >= maxSessions) {
            return false;
        }
        return administrator || (countActive(user) < perUser && active < maxSessions - reserve);
    }

    int activeCount() {
        return countActive(null);
    }

    /** Active sessions of {@code user}, or of everyone when null. */
    private int countActive(String user) {
        int active = 0;
        for (RmcpPlusSession s : byId.values()) {
            if (s.state == RmcpPlusSession.State.ACTIVE
                    && (user == null || s.userName().equals(user))) {
                active++;
            }
        }
        return active;
    }

    int size() {
        return byId.size();
    }

    private boolean expired(RmcpPlusSession s, Instant now) {
        Duration limit = s.state == RmcpPlusSession.State.ACTIVE ? idleTimeout : handshakeTimeout;
        return !now.isBefore(s.lastActivity.plus(limit));
    }

    /** Drops the oldest unfinished handshake (of {@code source}, or of anyone when null); false when there is none. */
    private boolean evictOldestPending(InetAddress source) {
        RmcpPlusSession oldest = null;
        for (RmcpPlusSession s : byId.values()) {
            if (s.state != RmcpPlusSession.State.ACTIVE
                    && (source == null || s.source.getAddress().equals(source))
                    && (oldest == null || s.createdAt.isBefore(oldest.createdAt))) {
                oldest = s;
            }
        }
        if (oldest == null) {
            return false;
        }
        byId.remove(oldest.bmcSessionId);
        return true;
    }
}
