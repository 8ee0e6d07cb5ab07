package dev.bmcagent.redfish.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Subscriptions kept in this object only: they survive a restart of a server given the same instance. */
public final class InMemorySubscriptionPersistence implements SubscriptionPersistence {

    private final Map<String, StoredSubscription> byId = new LinkedHashMap<>();

    @Override
    public synchronized List<StoredSubscription> load() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized void save(StoredSubscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    @Override
    public synchronized void delete(String id) {
        byId.remove(id);
    }
}
