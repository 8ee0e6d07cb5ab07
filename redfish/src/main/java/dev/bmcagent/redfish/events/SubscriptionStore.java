package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.http.Quota;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Subscriptions in memory, bounded; touched on the service's event-loop context only. */
public final class SubscriptionStore {

    private final Map<String, EventDestination> byId = new LinkedHashMap<>();
    /** Subscriptions (push and SSE together) one non-Administrator account may hold. */
    public static final int PER_ACCOUNT = 4;
    /** Subscriptions only Administrators may take. */
    public static final int ADMIN_RESERVE = 4;

    private final int max;
    private final Quota quota;
    private long nextId = 1;

    public SubscriptionStore(int max) {
        this.max = max;
        this.quota = Quota.of(max, PER_ACCOUNT, ADMIN_RESERVE);
    }

    /** Adds a subscription built from a fresh id, or empty when the limit is reached. */
    public Optional<EventDestination> add(Function<String, EventDestination> build) {
        if (byId.size() >= max) {
            return Optional.empty();
        }
        EventDestination s = build.apply(Long.toString(nextId++));
        byId.put(s.id(), s);
        return Optional.of(s);
    }

    /**
     * Adds a subscription of {@code owner} built from a fresh id, or empty when the limit or the owner's quota is
     * reached ({@link Quota}: Administrators are bound by the whole limit only).
     */
    public Optional<EventDestination> add(
            String owner, boolean administrator, Function<String, EventDestination> build) {
        long mine = byId.values().stream().filter(s -> s.owner().equals(owner)).count();
        if (!quota.admits(administrator, mine, byId.size())) {
            return Optional.empty();
        }
        return add(build);
    }

    /**
     * Puts back a subscription kept across a restart under its own id; later fresh ids come after it. False when
     * the limit is reached or the id is taken.
     */
    public boolean restore(EventDestination s) {
        if (byId.size() >= max || byId.containsKey(s.id())) {
            return false;
        }
        byId.put(s.id(), s);
        try {
            nextId = Math.max(nextId, Long.parseLong(s.id()) + 1);
        } catch (NumberFormatException e) {
            // not one of ours: fresh ids cannot collide with it
        }
        return true;
    }

    public Optional<EventDestination> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<EventDestination> all() {
        return new ArrayList<>(byId.values());
    }

    /** Replaces an existing subscription (same id); false when it is gone. */
    public boolean replace(EventDestination s) {
        return byId.replace(s.id(), s) != null;
    }

    public boolean remove(String id) {
        return byId.remove(id) != null;
    }
}
