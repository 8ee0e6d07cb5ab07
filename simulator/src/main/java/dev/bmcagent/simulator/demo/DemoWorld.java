package dev.bmcagent.simulator.demo;

import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.AgentExtension;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.simulator.broker.BrokerOptions;
import dev.bmcagent.simulator.broker.EmbeddedBroker;
import dev.bmcagent.simulator.live.LiveSimulation;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The world {@code bmc demo} puts around the agent: an embedded MQTT broker on {@code mqttPort} (unless an external
 * broker is configured) before the agent's services start, and {@code hosts} simulated hosts that connect to the
 * agent's host interface and boot in a loop at {@code timeScale} once they are up. Found by
 * {@link java.util.ServiceLoader} through {@code META-INF/services/dev.bmcagent.agent.AgentExtension}.
 */
public final class DemoWorld implements AgentExtension {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWorld.class);

    @Override
    public Optional<Started> beforeServices(AgentConfig config) throws Exception {
        if (config.mqtt().brokerUrl() != null) {
            return Optional.empty();
        }
        EmbeddedBroker broker = new EmbeddedBroker(BrokerOptions.defaults().withBindAddress(config.bind())
                .withPort(config.mqttPort()));
        InetSocketAddress bound = broker.start();
        String host = bound.getAddress().getHostAddress();
        String url = "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
        return Optional.of(new Started() {
            @Override
            public Optional<String> brokerUrl() {
                return Optional.of(url);
            }

            @Override
            public void close() {
                broker.close();
            }
        });
    }

    @Override
    public Optional<AutoCloseable> afterServices(AgentAssembly agent) {
        AgentConfig config = agent.config();
        LiveSimulation.Options defaults = LiveSimulation.Options.defaults(config.hosts(), config.hostPort());
        LiveSimulation.Options options = new LiveSimulation.Options(config.hosts(), config.hostPort(),
                config.timeScale(), defaults.uptime(), defaults.stagger(), defaults.flashEvery(), defaults.seed(),
                defaults.host());
        LiveSimulation sim = LiveSimulation.start(options, agent.scheduler());
        LOG.info("{} simulated host(s) connected to the host interface, time scale {}", config.hosts(),
                config.timeScale());
        return Optional.of(sim);
    }
}
