package dev.bmcagent.rollout.permit;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.reboot.PermitAnswer;
import dev.bmcagent.core.reboot.RebootPermits;
import dev.bmcagent.core.reboot.RebootRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The reboot-permit coordinator, in process: a {@link PermitLedger} under a {@link PermitPolicy}, requests that must
 * wait queued in arrival order (a request blocked by its group's limit does not block others), a timer per grant
 * that expires its lease, and counts. A host waits at most once: a newer request of the same host supersedes (the
 * older one is answered HOLD). At most {@link PermitPolicy#fleetSize()} requests wait; one more is answered HOLD
 * (every host of the fleet waiting is the most a correct fleet produces). The simulator's fleet and the MQTT coordinator service both drive this class.
 * Calls are serialised by {@code synchronized}; answers are delivered outside the lock.
 */
public final class PermitCoordinator implements RebootPermits {
    /** Observes grants and returns (reports, retained documents). */
    public interface Listener {
        void granted(Grant grant);

        /** {@code expired}: the lease ended before the host released it. */
        void returned(Grant grant, boolean expired);
    }

    private record Waiting(RebootRequest request, String group, Consumer<PermitAnswer> onAnswer) {}

    private final PermitLedger ledger;
    private final Function<String, String> groupOf;
    private final Scheduler scheduler;
    private final Listener listener;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private long granted;
    private long expired;
    private long observed;
    private int peak;

    /**
     * @param groupOf host id → group (site, rack, label)
     */
    public PermitCoordinator(
            PermitPolicy policy, Function<String, String> groupOf, Scheduler scheduler, Listener listener) {
        this.ledger = new PermitLedger(policy);
        this.groupOf = Objects.requireNonNull(groupOf, "groupOf");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void request(RebootRequest request, Consumer<PermitAnswer> onAnswer) {
        Objects.requireNonNull(onAnswer, "onAnswer");
        String group = groupOf.apply(request.hostId());
        Optional<Grant> g;
        PermitAnswer refusal = null;
        Consumer<PermitAnswer> superseded = null;
        synchronized (this) {
            g = grant(request, group);
            if (g.isEmpty()) {
                for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
                    Waiting w = it.next();
                    if (w.request().hostId().equals(request.hostId())) {
                        it.remove();
                        superseded = w.onAnswer();
                    }
                }
                if (waiting.size() >= ledger.policy().fleetSize()) {
                    refusal = PermitAnswer.hold("permit queue full (" + waiting.size() + " waiting)");
                } else {
                    waiting.add(new Waiting(request, group, onAnswer));
                }
            }
        }
        if (superseded != null) {
            superseded.accept(PermitAnswer.hold("superseded by a newer request of the same host"));
        }
        if (refusal != null) {
            onAnswer.accept(refusal);
        } else if (g.isPresent()) {
            onAnswer.accept(answer(g.get()));
        }
    }

    @Override
    public void release(String hostId) {
        List<Runnable> answers = new ArrayList<>();
        synchronized (this) {
            Optional<Grant> held = ledger.held(hostId);
            if (held.isEmpty() || !ledger.release(hostId)) {
                return;
            }
            listener.returned(held.get(), false);
            drain(answers);
        }
        answers.forEach(Runnable::run);
    }

    @Override
    public synchronized void observedReboot(String hostId) {
        observed++;
    }

    private Optional<Grant> grant(RebootRequest request, String group) {
        Instant now = scheduler.clock().instant();
        for (Grant e : ledger.expire(now)) {
            expired++;
            listener.returned(e, true);
        }
        Optional<Grant> before = ledger.held(request.hostId());
        Optional<Grant> g = ledger.tryGrant(request.hostId(), group, request.reason(), now);
        if (g.isPresent() && before.isEmpty()) {
            granted++;
            peak = Math.max(peak, ledger.size());
            Grant grant = g.get();
            listener.granted(grant);
            scheduler.schedule(java.time.Duration.between(now, grant.expiresAt()), this::leaseEnded);
        }
        return g;
    }

    private void leaseEnded() {
        List<Runnable> answers = new ArrayList<>();
        synchronized (this) {
            List<Grant> ended = ledger.expire(scheduler.clock().instant());
            if (ended.isEmpty()) {
                return; // released (or already expired) before its lease ended
            }
            for (Grant e : ended) {
                expired++;
                listener.returned(e, true);
            }
            drain(answers);
        }
        answers.forEach(Runnable::run);
    }

    private void drain(List<Runnable> answers) {
        for (Iterator<Waiting> it = waiting.iterator();
                it.hasNext() && ledger.size() < ledger.policy().fleetCap(); ) {
            Waiting w = it.next();
            Optional<Grant> g = grant(w.request(), w.group());
            if (g.isPresent()) {
                it.remove();
                PermitAnswer a = answer(g.get());
                answers.add(() -> w.onAnswer().accept(a));
            }
        }
    }

    private static PermitAnswer answer(Grant g) {
        return PermitAnswer.granted("permit #" + g.seq() + " until " + g.expiresAt());
    }

    /** Permits held now. */
    public synchronized int held() {
        return ledger.size();
    }

    /** Requests waiting for a permit. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Most permits held at once so far. */
    public synchronized int peakHeld() {
        return peak;
    }

    /** Grants given so far (a repeated request by a holder is not counted again). */
    public synchronized long granted() {
        return granted;
    }

    /** Leases that ended before their host released them. */
    public synchronized long expired() {
        return expired;
    }

    /** Reboots hosts did on their own (never blocked). */
    public synchronized long observedReboots() {
        return observed;
    }

    public synchronized Optional<Grant> holding(String hostId) {
        return ledger.held(hostId);
    }

    public PermitPolicy policy() {
        return ledger.policy();
    }
}
