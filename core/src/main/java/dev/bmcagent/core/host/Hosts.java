package dev.bmcagent.core.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/** The host agents of this BMC, host0..hostN-1, by index and by id. */
public final class Hosts implements AutoCloseable {
    private final List<HostAgent> agents;
    private final Map<String, HostAgent> byId;

    public Hosts(List<HostAgent> agents) {
        this.agents = List.copyOf(agents);
        Map<String, HostAgent> m = new LinkedHashMap<>();
        for (HostAgent a : this.agents) {
            if (m.putIfAbsent(a.hostId(), a) != null) {
                throw new IllegalArgumentException("duplicate host id " + a.hostId());
            }
        }
        this.byId = Map.copyOf(m);
    }

    /** Builds {@code count} agents with {@code factory(index)}; the factory should name them {@link #hostId(int)}. */
    public static Hosts create(int count, IntFunction<HostAgent> factory) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        HostAgent[] a = new HostAgent[count];
        for (int i = 0; i < count; i++) {
            a[i] = factory.apply(i);
        }
        return new Hosts(List.of(a));
    }

    /** The index of host id "host&lt;n&gt;"; throws for any other id. */
    public static int index(String hostId) {
        if (hostId == null || !hostId.matches("host(0|[1-9][0-9]{0,8})")) {
            throw new IllegalArgumentException("not a host id: " + hostId);
        }
        return Integer.parseInt(hostId.substring(4));
    }

    /** The id of the host at {@code index}: "host0", "host1"... */
    public static String hostId(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index < 0");
        }
        return String.format(Locale.ROOT, "host%d", index);
    }

    public Optional<HostAgent> get(String hostId) {
        return Optional.ofNullable(byId.get(hostId));
    }

    /** The agent at {@code index} (in construction order). */
    public HostAgent get(int index) {
        return agents.get(index);
    }

    public List<HostAgent> all() {
        return agents;
    }

    public int size() {
        return agents.size();
    }

    public void startAll() {
        agents.forEach(HostAgent::start);
    }

    @Override
    public void close() {
        agents.forEach(HostAgent::close);
    }
}
