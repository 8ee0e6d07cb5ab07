package dev.bmcagent.redfish.backend;

import java.util.List;

/**
 * Where push subscriptions are kept so that they survive a restart (SSE subscriptions are per connection and are
 * never stored). Called on the service's event loop: {@link #save} and {@link #delete} must not block for long.
 */
public interface SubscriptionPersistence {

    /** The stored subscriptions, in creation order; entries that cannot be read are skipped (and logged). */
    List<StoredSubscription> load();

    /** Creates or replaces the subscription with this id. */
    void save(StoredSubscription subscription);

    /** Forgets the subscription with this id (nothing if unknown). */
    void delete(String id);
}
