package dev.bmcagent.app.demo;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.ConfigException;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.mqtt.broker.BrokerAcl;
import dev.bmcagent.mqtt.broker.BrokerOptions;
import dev.bmcagent.mqtt.broker.EmbeddedBroker;
import dev.bmcagent.simulator.host.FaultFlag;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.live.LiveSimulation;
import dev.bmcagent.simulator.netboot.Nvram;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world {@code bmc demo} puts around the agent: an embedded MQTT broker on {@code mqttPort} (unless an external
 * broker is configured) before the agent's services start, and {@code hosts} simulated hosts that connect to the
 * agent's host interface and boot in a loop at {@code timeScale} once they are up. The hosts' sensors and fans are
 * the agent's host hardware ({@link LiveSimulation#hardware}), as a real BMC's own buses would be: the simulation is
 * prepared before the services so that the agent's host nodes poll and gate them, and connected after. The hosts
 * boot the seeds' list (per NIC HTTPS and chainloaded iPXE, IPv4 then IPv6) and carry the {@code --fault} flags
 * ({@link FaultFlag}), armed while the simulation is prepared, before anything runs.
 */
public final class DemoWorld {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWorld.class);

    private DemoWorld() {}

    /**
     * Starts the agent inside the demo world, its hosts with {@code faults} ({@code --fault} flags). The returned agent
     * owns everything: closing it stops the simulated hosts first, then the agent's services, then the embedded broker.
     */
    public static AgentAssembly start(
            AgentConfig config, Scheduler scheduler, SecureRandom random, List<FaultFlag> faults) throws IOException {
        LiveSimulation.Options options = options(config);
        LiveSimulation sim = LiveSimulation.prepare(options);
        AgentAssembly agent;
        try {
            for (FaultFlag f : faults) {
                List<SimulatedHost> hosts = sim.hosts();
                try {
                    f.check(hosts.size(), options.host(), hosts.get(0).fans().fanCount());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("--fault", e.getMessage());
                }
                hosts.stream().filter(h -> f.appliesTo(h.index())).forEach(f::applyTo);
                LOG.info("fault {} armed", f);
            }
            agent = AgentAssembly.start(
                    config,
                    scheduler,
                    random,
                    new AgentAssembly.Surroundings(
                            sim::hardware, accounts -> broker(config, accounts), Optional.of(sim::stage)));
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        try {
            agent.closeFirst("simulated hosts", sim);
            sim.connect(scheduler, connectAddress(config.listeners().hostInterface()));
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        LOG.info(
                "{} simulated host(s) connected to the host interface, time scale {}; their sensors and fans are "
                        + "the agent's host hardware",
                config.hosts(),
                config.timeScale());
        return agent;
    }

    /** {@link #start(AgentConfig, Scheduler, SecureRandom, List)} without faults. */
    public static AgentAssembly start(AgentConfig config, Scheduler scheduler, SecureRandom random) throws IOException {
        return start(config, scheduler, random, List.of());
    }

    /**
     * The broker's ACL: the agent's login publishes under its prefix (and the agent's reboot-permit topics); the
     * coordinator's login only the coordinator's rollout topics; the monitor login only reads.
     */
    static BrokerAcl acl(BrokerAccounts a) {
        BrokerAcl acl = BrokerAcl.agentOnly(
                a.agent().user(),
                a.agent().password(),
                a.agentClientId(),
                a.topicPrefix(),
                Map.of(a.monitor().user(), a.monitor().password()),
                a.allowAnonymous());
        return a.coordinator() == null
                ? acl
                : acl.withCoordinator(a.coordinator().user(), a.coordinator().password());
    }

    private static AgentAssembly.RunningBroker broker(AgentConfig config, BrokerAccounts accounts) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(BrokerOptions.defaults()
                .withBindAddress(config.listeners().mqtt())
                .withPort(config.mqttPort())
                .withAcl(acl(accounts)));
        InetSocketAddress bound = broker.start();
        String host = bound.getAddress().getHostAddress();
        String url = "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
        return new AgentAssembly.RunningBroker() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() {
                broker.close();
            }
        };
    }

    private static LiveSimulation.Options options(AgentConfig config) {
        LiveSimulation.Options defaults = LiveSimulation.Options.defaults(config.hosts(), config.hostPort());
        // the seeds' boot list: per NIC HTTPS IPv4, iPXE IPv4, HTTPS IPv6, iPXE IPv6 (vendor firmware's HTTPS stack,
        // chainloaded iPXE's own); the network boots HTTPS IPv6 only
        HostConfig host =
                defaults.host().toBuilder().bootList(Nvram.BootList.HTTPS_IPXE).build();
        return new LiveSimulation.Options(
                config.hosts(),
                config.hostPort(),
                config.timeScale(),
                defaults.uptime(),
                defaults.stagger(),
                defaults.flashEvery(),
                defaults.seed(),
                host);
    }

    /** Where the simulated hosts reach the host interface: its bind address, or loopback for a wildcard bind. */
    static InetAddress connectAddress(String bind) throws UnknownHostException {
        InetAddress a = InetAddress.getByName(bind); // an IP literal (validated by the configuration)
        return a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a;
    }
}
