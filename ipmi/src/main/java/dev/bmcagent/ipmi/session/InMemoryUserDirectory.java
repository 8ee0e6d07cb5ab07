package dev.bmcagent.ipmi.session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe in-memory {@link IpmiUserDirectory} (tests, demo). */
public final class InMemoryUserDirectory implements IpmiUserDirectory {
    private final Map<String, IpmiUser> byName = new ConcurrentHashMap<>();

    public InMemoryUserDirectory(IpmiUser... users) {
        for (IpmiUser u : users) {
            put(u);
        }
    }

    public void put(IpmiUser user) {
        byName.put(user.name(), user);
    }

    public void remove(String name) {
        byName.remove(name);
    }

    @Override
    public Optional<IpmiUser> findByName(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
