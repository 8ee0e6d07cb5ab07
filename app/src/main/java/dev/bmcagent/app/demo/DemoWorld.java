package dev.bmcagent.app.demo;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.AgentExtension;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.core.firmware.FirmwareStager;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.mqtt.broker.BrokerAcl;
import dev.bmcagent.mqtt.broker.BrokerOptions;
import dev.bmcagent.mqtt.broker.EmbeddedBroker;
import dev.bmcagent.simulator.host.FaultFlag;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.live.LiveSimulation;
import dev.bmcagent.simulator.netboot.Nvram;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world {@code bmc demo} puts around the agent: an embedded MQTT broker on {@code mqttPort} (unless an external
 * broker is configured) before the agent's services start, and {@code hosts} simulated hosts that connect to the
 * agent's host interface and boot in a loop at {@code timeScale} once they are up. The hosts' sensors and fans are
 * the agent's host hardware ({@link LiveSimulation#hardware}), as a real BMC's own buses would be: the simulation is
 * prepared before the services so that the agent's host nodes poll and gate them, and connected after. The hosts
 * boot the seeds' list (per NIC HTTPS and chainloaded iPXE, IPv4 then IPv6) and carry the {@code --fault} flags
 * ({@link FaultFlag}), armed while the simulation is prepared, before anything runs. Found by
 * {@link java.util.ServiceLoader} through {@code META-INF/services/dev.bmcagent.agent.AgentExtension}.
 */
public final class DemoWorld implements AgentExtension {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWorld.class);

    private final List<FaultFlag> faults;

    /** {@code bmc demo}'s world without faults (what {@link java.util.ServiceLoader} builds). */
    public DemoWorld() {
        this(List.of());
    }

    /** A world whose hosts have {@code faults} ({@code --fault} flags). */
    public DemoWorld(List<FaultFlag> faults) {
        this.faults = List.copyOf(faults);
    }

    @Override
    public DemoWorld withHostFaults(List<String> flags) {
        List<FaultFlag> more = new java.util.ArrayList<>(faults);
        more.addAll(FaultFlag.parseAll(flags));
        return new DemoWorld(more);
    }

    /** Prepared in {@link #beforeServices}, connected in {@link #afterServices}; one world per agent start. */
    private LiveSimulation sim;

    @Override
    public Optional<Started> beforeServices(AgentConfig config) throws Exception {
        return beforeServices(config, Optional.empty());
    }

    /**
     * The broker's ACL: the agent's login publishes under its prefix (and the agent's reboot-permit topics); the
     * coordinator's login only the coordinator's rollout topics; the monitor login only reads.
     */
    static BrokerAcl acl(BrokerAccounts a) {
        BrokerAcl acl = BrokerAcl.agentOnly(a.agent().user(), a.agent().password(), a.agentClientId(),
                a.topicPrefix(), Map.of(a.monitor().user(), a.monitor().password()), a.allowAnonymous());
        return a.coordinator() == null ? acl : acl.withCoordinator(a.coordinator().user(), a.coordinator().password());
    }

    @Override
    public Optional<Started> beforeServices(AgentConfig config, Optional<BrokerAccounts> accounts) throws Exception {
        LiveSimulation.Options options = options(config);
        LiveSimulation prepared = LiveSimulation.prepare(options);
        EmbeddedBroker broker = null;
        String url = null;
        try {
            for (FaultFlag f : faults) {
                List<SimulatedHost> hosts = prepared.hosts();
                try {
                    f.check(hosts.size(), options.host(), hosts.get(0).fans().fanCount());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("--fault", e.getMessage());
                }
                hosts.stream().filter(h -> f.appliesTo(h.index())).forEach(f::applyTo);
                LOG.info("fault {} armed", f);
            }
            if (config.mqtt().brokerUrl() == null) {
                BrokerAccounts a = accounts.orElseThrow(() -> new IllegalStateException(
                        "the embedded broker needs the agent's broker accounts"));
                broker = new EmbeddedBroker(BrokerOptions.defaults().withBindAddress(config.listeners().mqtt())
                        .withPort(config.mqttPort()).withAcl(acl(a)));
                InetSocketAddress bound = broker.start();
                String host = bound.getAddress().getHostAddress();
                url = "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
            }
        } catch (Exception e) {
            prepared.close();
            throw e;
        }
        sim = prepared;
        Optional<String> brokerUrl = Optional.ofNullable(url);
        EmbeddedBroker started = broker;
        return Optional.of(new Started() {
            @Override
            public Optional<String> brokerUrl() {
                return brokerUrl;
            }

            @Override
            public Optional<IntFunction<HostHardware>> hardware() {
                return Optional.of(prepared::hardware);
            }

            @Override
            public Optional<FirmwareStager> firmwareStager() {
                return Optional.of(prepared::stage);
            }

            @Override
            public void close() {
                prepared.close();
                if (started != null) {
                    started.close();
                }
            }
        });
    }

    private static LiveSimulation.Options options(AgentConfig config) {
        LiveSimulation.Options defaults = LiveSimulation.Options.defaults(config.hosts(), config.hostPort());
        // the seeds' boot list: per NIC HTTPS IPv4, iPXE IPv4, HTTPS IPv6, iPXE IPv6 (vendor firmware's HTTPS stack,
        // chainloaded iPXE's own); the network boots HTTPS IPv6 only
        HostConfig host = defaults.host().toBuilder().bootList(Nvram.BootList.HTTPS_IPXE).build();
        return new LiveSimulation.Options(config.hosts(), config.hostPort(), config.timeScale(), defaults.uptime(),
                defaults.stagger(), defaults.flashEvery(), defaults.seed(), host);
    }

    /** Where the simulated hosts reach the host interface: its bind address, or loopback for a wildcard bind. */
    static InetAddress connectAddress(String bind) throws UnknownHostException {
        InetAddress a = InetAddress.getByName(bind); // an IP literal (validated by the configuration)
        return a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a;
    }

    @Override
    public Optional<AutoCloseable> afterServices(AgentAssembly agent) throws UnknownHostException {
        if (sim == null) {
            throw new IllegalStateException("beforeServices did not run");
        }
        sim.connect(agent.scheduler(), connectAddress(agent.config().listeners().hostInterface()));
        LOG.info("{} simulated host(s) connected to the host interface, time scale {}; their sensors and fans are "
                + "the agent's host hardware", agent.config().hosts(), agent.config().timeScale());
        return Optional.of(sim);
    }
}
