package dev.bmcagent.agent.runtime;

import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.Listeners;
import dev.bmcagent.agent.config.PowerConfig;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.NodeTiming;
import dev.bmcagent.ipmi.command.app.BmcIdentity;
import dev.bmcagent.journal.StoreKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link BmcRuntime} needs from the configuration.
 *
 * @param hosts        number of hosts
 * @param ipmiBind     listen address of the IPMI RMCP+ servers (loopback by default)
 * @param hostBind     listen address of the host interfaces (loopback by default)
 * @param ipmiPort     RMCP+ UDP port of host 0 (host i: + i); 0 = a free port per host
 * @param hostPort     VM-protocol TCP port of host 0 (host i: + i); 0 = a free port per host
 * @param dataDir      where the SEL journals live ({@code store/sel-host<i>.journal})
 * @param store        DISK: durable SEL; MEMORY: in-memory SEL
 * @param selCapacity  SEL records per host
 * @param timing       node intervals
 * @param policy       lifecycle limits (stuck and slow-boot alerts from the alerts: section)
 * @param hostTimeScale the host timeline's clock runs this many times faster than the agent's (1: real hosts; the
 *                     demo's time scale for its simulated hosts, so durations are in their simulated seconds)
 * @param hostPeers    who may connect to the host interfaces (IP literals, CIDR prefixes)
 * @param power        the power backend (commands per action, timeout, power cycle off time)
 * @param identity     what Get Device ID and the GUID commands report (manufacturer and product from the
 *                     {@code ipmi:} section)
 */
public record RuntimeOptions(
        int hosts,
        String ipmiBind,
        String hostBind,
        int ipmiPort,
        int hostPort,
        Path dataDir,
        StoreKind store,
        int selCapacity,
        NodeTiming timing,
        LifecyclePolicy policy,
        double hostTimeScale,
        List<String> hostPeers,
        PowerConfig power,
        BmcIdentity identity) {
    public static final int DEFAULT_SEL_CAPACITY = 3639;

    /** These options with the host timeline on a clock {@code scale} times faster (the demo's simulated hosts). */
    public RuntimeOptions withHostTimeScale(double scale) {
        return new RuntimeOptions(
                hosts,
                ipmiBind,
                hostBind,
                ipmiPort,
                hostPort,
                dataDir,
                store,
                selCapacity,
                timing,
                policy,
                scale,
                hostPeers,
                power,
                identity);
    }

    public RuntimeOptions {
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be >= 1");
        }
        Objects.requireNonNull(ipmiBind, "ipmiBind");
        Objects.requireNonNull(hostBind, "hostBind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(policy, "policy");
        hostPeers = List.copyOf(hostPeers);
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(identity, "identity");
        if (!(hostTimeScale > 0) || Double.isInfinite(hostTimeScale)) {
            throw new IllegalArgumentException("hostTimeScale must be a finite number > 0");
        }
        if (ipmiPort < 0 || ipmiPort + hosts > 0xFFFF || hostPort < 0 || hostPort + hosts > 0xFFFF) {
            throw new IllegalArgumentException("ports out of range");
        }
    }

    /**
     * Options for {@code hosts} hosts with their data in {@code dataDir}, for code that is not the daemon (tests,
     * benchmarks): every server on loopback, free ports, in-memory SEL, default timing, lifecycle
     * limits, power backend and identity; each part can be named. The daemon uses {@link #from}.
     */
    public static Builder builder(int hosts, Path dataDir) {
        return new Builder(hosts, dataDir);
    }

    /** See {@link #builder}. */
    public static final class Builder {
        private final int hosts;
        private final Path dataDir;
        private String bind = AgentConfig.DEFAULT_BIND;
        private int ipmiPort;
        private int hostPort;
        private StoreKind store = StoreKind.MEMORY;
        private int selCapacity = DEFAULT_SEL_CAPACITY;
        private NodeTiming timing = NodeTiming.DEFAULT;
        private PowerConfig power = PowerConfig.NONE;

        private Builder(int hosts, Path dataDir) {
            this.hosts = hosts;
            this.dataDir = dataDir;
        }

        /** Where the IPMI and host-interface servers listen (loopback by default). */
        public Builder bind(String address) {
            this.bind = address;
            return this;
        }

        /** RMCP+ UDP port of host 0 (host i: + i); 0 (default): a free port per host. */
        public Builder ipmiPort(int port) {
            this.ipmiPort = port;
            return this;
        }

        /** Host-interface TCP port of host 0 (host i: + i); 0 (default): a free port per host. */
        public Builder hostPort(int port) {
            this.hostPort = port;
            return this;
        }

        /** DISK: SEL journals in the data directory; MEMORY (default). */
        public Builder store(StoreKind kind) {
            this.store = kind;
            return this;
        }

        public Builder selCapacity(int records) {
            this.selCapacity = records;
            return this;
        }

        public Builder timing(NodeTiming t) {
            this.timing = t;
            return this;
        }

        public Builder power(PowerConfig p) {
            this.power = p;
            return this;
        }

        public RuntimeOptions build() {
            return new RuntimeOptions(
                    hosts,
                    bind,
                    bind,
                    ipmiPort,
                    hostPort,
                    dataDir,
                    store,
                    selCapacity,
                    timing,
                    LifecyclePolicy.defaults(),
                    1.0,
                    Listeners.LOOPBACK_PEERS,
                    power,
                    HostCommandTable.DEFAULT_IDENTITY);
        }
    }

    public static RuntimeOptions from(AgentConfig c) {
        return new RuntimeOptions(
                c.hosts(),
                c.listeners().ipmi(),
                c.listeners().hostInterface(),
                c.ipmiPort(),
                c.hostPort(),
                c.dataDir(),
                c.store(),
                DEFAULT_SEL_CAPACITY,
                NodeTiming.DEFAULT,
                c.alerts().applyTo(LifecyclePolicy.defaults()),
                1.0,
                c.listeners().hostInterfacePeers(),
                c.power(),
                HostCommandTable.DEFAULT_IDENTITY.withMaker(
                        c.ipmiIdentity().manufacturerId(), c.ipmiIdentity().productId()));
    }

    /** Port of host {@code index} given the base ({@code 0} stays 0: a free port). */
    static int port(int base, int index) {
        return base == 0 ? 0 : base + index;
    }
}
