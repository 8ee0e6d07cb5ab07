package dev.bmcagent.rollout.permit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a reboot permit, and the policy's decision: pure state, no threads, no timers. Grants are keyed by
 * host, so a host holds at most one; asking again while holding one returns that same grant (idempotent). A grant
 * is given only while the fleet holds fewer than {@link PermitPolicy#fleetCap()} valid grants and the host's group
 * fewer than {@link PermitPolicy#maxPerGroup()}; expired grants are dropped by {@link #expire}. Not thread-safe: the
 * coordinator owning it serialises calls.
 */
public final class PermitLedger {
    private final PermitPolicy policy;
    private final Map<String, Grant> byHost = new LinkedHashMap<>();
    private final Map<String, Integer> perGroup = new HashMap<>();
    private long seq;

    public PermitLedger(PermitPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Restores the ledger from grants read back (e.g. retained documents) and the last sequence number used. */
    public PermitLedger(PermitPolicy policy, Collection<Grant> grants, long lastSeq) {
        this(policy);
        for (Grant g : grants) {
            add(g);
        }
        this.seq = lastSeq;
    }

    public PermitPolicy policy() {
        return policy;
    }

    /**
     * The grant {@code hostId} holds or receives now, or empty when the policy says wait. Expired grants still count
     * until {@link #expire} drops them (the caller expires first, so it can report each expiry).
     */
    public Optional<Grant> tryGrant(String hostId, String group, String reason, Instant now) {
        Grant held = byHost.get(hostId);
        if (held != null) {
            return Optional.of(held);
        }
        if (byHost.size() >= policy.fleetCap() || perGroup.getOrDefault(group, 0) >= policy.maxPerGroup()) {
            return Optional.empty();
        }
        Grant g = new Grant(hostId, group, ++seq, now, now.plus(policy.lease()), reason);
        add(g);
        return Optional.of(g);
    }

    /**
     * A reboot the host did on its own (never blocked): it counts in flight like a permit, against the fleet's and
     * its group's caps (so later grants wait while the fleet reboots by itself), even beyond them, until the host
     * {@linkplain #release releases} (its OS runs again) or the lease ends. A host holding a permit keeps it.
     * Returns the entry, or empty when the host already held one.
     */
    public Optional<Grant> observe(String hostId, String group, Instant now) {
        if (byHost.containsKey(hostId)) {
            return Optional.empty();
        }
        Grant g = new Grant(hostId, group, ++seq, now, now.plus(policy.lease()), OWN_REBOOT);
        add(g);
        return Optional.of(g);
    }

    /** The reason of a ledger entry made by {@link #observe}. */
    public static final String OWN_REBOOT = "host's own reboot";

    /** Returns {@code hostId}'s permit; true if it held one. */
    public boolean release(String hostId) {
        Grant g = byHost.remove(hostId);
        if (g == null) {
            return false;
        }
        perGroup.merge(g.group(), -1, (a, b) -> a + b == 0 ? null : a + b);
        return true;
    }

    /** Drops grants whose lease ended at or before {@code now}; returns them. */
    public List<Grant> expire(Instant now) {
        List<Grant> out = new ArrayList<>();
        for (Grant g : byHost.values().toArray(new Grant[0])) {
            if (!g.validAt(now)) {
                release(g.hostId());
                out.add(g);
            }
        }
        return out;
    }

    /**
     * Adopts a grant read back from its retained document (an instance joining), unless the host already holds one
     * or the grant expired; the sequence continues after it. Returns whether it was adopted.
     */
    public boolean adopt(Grant g, Instant now) {
        seq = Math.max(seq, g.seq());
        if (byHost.containsKey(g.hostId()) || !g.validAt(now)) {
            return false;
        }
        add(g);
        return true;
    }

    public Optional<Grant> held(String hostId) {
        return Optional.ofNullable(byHost.get(hostId));
    }

    /** Grants held now (not yet expired by a call). */
    public int size() {
        return byHost.size();
    }

    public int inGroup(String group) {
        return perGroup.getOrDefault(group, 0);
    }

    /** The last sequence number given. */
    public long lastSeq() {
        return seq;
    }

    public Collection<Grant> grants() {
        return Collections.unmodifiableCollection(byHost.values());
    }

    private void add(Grant g) {
        if (byHost.putIfAbsent(g.hostId(), g) != null) {
            throw new IllegalArgumentException("host already holds a grant: " + g.hostId());
        }
        perGroup.merge(g.group(), 1, Integer::sum);
    }
}
