package dev.bmcagent.ipmi.session;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must not delay a reply on the LAN event loop and that the reply does not depend on — the session log
 * lines waiting when a session closes, the lockout's bookkeeping of a RAKP 2 and RAKP 4, a new session's K1 and K2
 * (and the engines keyed with them): queued
 * while a datagram is processed and run once its reply went out ({@link LanPacketProcessor#afterReply()}), or at the
 * latest before the next datagram or sweep, so what the next datagram sees is as if it had run before the reply. A
 * few entries per datagram; a sweep adds at most one per session of the table, so the queue is bounded by the session
 * limit. Not thread-safe: used under the processor's lock.
 */
final class AfterReply {
    private static final Logger LOG = LoggerFactory.getLogger(AfterReply.class);

    private final List<Runnable> pending = new ArrayList<>();

    void add(Runnable work) {
        pending.add(work);
    }

    /** Runs and forgets what was queued; one failing entry does not stop the others. */
    void run() {
        if (pending.isEmpty()) {
            return;
        }
        List<Runnable> now = List.copyOf(pending);
        pending.clear();
        for (Runnable work : now) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("IPMI LAN: deferred work failed", e);
            }
        }
    }
}
