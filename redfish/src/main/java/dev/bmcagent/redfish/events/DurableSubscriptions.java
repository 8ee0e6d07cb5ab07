package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.StoredSubscription;
import dev.bmcagent.redfish.backend.SubscriptionPersistence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps push subscriptions in a {@link SubscriptionPersistence}: restores them at start (checked again, a bad
 * entry is skipped with a log line naming its id) and saves or deletes them as they change. SSE subscriptions are
 * never stored. Runs on the service's event-loop context.
 */
public final class DurableSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(DurableSubscriptions.class);
    private static final String ID = "[0-9]{1,18}";

    private final SubscriptionPersistence persistence;
    private final SubscriptionStore store;

    public DurableSubscriptions(SubscriptionPersistence persistence, SubscriptionStore store) {
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Loads the stored push subscriptions into the store; suspended ones stay suspended. Returns how many. */
    public int restore(PushDelivery push, DestinationValidator destinations) {
        int restored = 0;
        for (StoredSubscription stored : persistence.load()) {
            Optional<String> problem = problem(stored, destinations);
            if (problem.isPresent()) {
                LOG.warn("stored event subscription {} skipped: {}", stored.id(), problem.get());
                continue;
            }
            EventDestination s = new EventDestination(
                    stored.id(),
                    SubscriptionType.RedfishEvent,
                    stored.destination(),
                    stored.context(),
                    stored.httpHeaders(),
                    stored.registryPrefixes(),
                    stored.resourceTypes(),
                    stored.filter(),
                    RetryPolicy.valueOf(stored.retryPolicy()),
                    stored.owner());
            if (!store.restore(s)) {
                LOG.warn("stored event subscription {} skipped: limit reached or id taken", stored.id());
                continue;
            }
            if (stored.suspended()) {
                push.suspend(s.id());
            }
            restored++;
        }
        return restored;
    }

    /** Saves a push subscription as it is now (SSE ones are ignored). */
    void save(EventDestination s, boolean suspended) {
        if (s.type() != SubscriptionType.RedfishEvent) {
            return;
        }
        persistence.save(new StoredSubscription(
                s.id(),
                s.destination(),
                s.context(),
                s.httpHeaders(),
                s.registryPrefixes(),
                s.resourceTypes(),
                s.retryPolicy().name(),
                s.owner(),
                suspended,
                s.filter()));
    }

    /** Saves the subscription with this id, if it is still there, as suspended. */
    public void suspended(String id) {
        store.get(id).ifPresent(s -> save(s, true));
    }

    /** Removes a subscription from the store and from persistence (deleted or terminated). */
    public void remove(String id) {
        Optional<EventDestination> s = store.get(id);
        store.remove(id);
        if (s.isPresent() && s.get().type() == SubscriptionType.RedfishEvent) {
            persistence.delete(id);
        }
    }

    private static Optional<String> problem(StoredSubscription s, DestinationValidator destinations) {
        if (!s.id().matches(ID)) {
            return Optional.of("id is not a decimal number");
        }
        if (List.of(RetryPolicy.values()).stream().noneMatch(p -> p.name().equals(s.retryPolicy()))) {
            return Optional.of("unknown DeliveryRetryPolicy '" + s.retryPolicy() + "'");
        }
        if (destinations.check(s.destination()).isPresent()) {
            return Optional.of("destination not allowed");
        }
        if (s.context().length() > 256) {
            return Optional.of("Context too long");
        }
        if (s.registryPrefixes().stream().anyMatch(x -> !x.equals(BootMessage.PREFIX))
                || s.filter().excludeRegistryPrefixes().stream().anyMatch(x -> !x.equals(BootMessage.PREFIX))
                || s.resourceTypes().stream().anyMatch(x -> !ResourceTypes.ALL.contains(x))) {
            return Optional.of("unknown filter value");
        }
        return HttpHeaderRules.problem(s.httpHeaders()).map(p -> "malformed HttpHeaders: " + p);
    }
}
