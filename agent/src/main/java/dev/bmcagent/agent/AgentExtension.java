package dev.bmcagent.agent;

import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.core.firmware.FirmwareStager;
import dev.bmcagent.core.node.HostHardware;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What the launcher's classpath adds around the agent without {@code agent} depending on it: the demo's
 * embedded MQTT broker and simulated hosts (module {@code simulator}). The demo finds implementations with
 * {@link java.util.ServiceLoader}; {@code bmc agent} runs without any.
 */
public interface AgentExtension {

    /** A started piece of the extension and what it offers the agent. */
    interface Started extends AutoCloseable {

        /** The broker URL the agent should publish telemetry to, if this piece is a broker. */
        default Optional<String> brokerUrl() {
            return Optional.empty();
        }

        /** Sensors and fans per host, if this piece simulates host hardware. */
        default Optional<IntFunction<HostHardware>> hardware() {
            return Optional.empty();
        }

        /** Stages firmware images on the hosts for a campaign's firmware steps, if this piece can. */
        default Optional<FirmwareStager> firmwareStager() {
            return Optional.empty();
        }
    }

    /**
     * This extension with the demo's {@code --fault} flags ({@code host<N>:<fault>[=<value>]}) applied to the hosts
     * it simulates; IllegalArgumentException names a bad flag. An extension that simulates no hosts ignores them.
     */
    default AgentExtension withHostFaults(List<String> flags) {
        return this;
    }

    /** Starts before the agent's services (e.g. a broker they connect to); empty when not applicable. */
    default Optional<Started> beforeServices(AgentConfig config) throws Exception {
        return Optional.empty();
    }

    /**
     * As {@link #beforeServices(AgentConfig)}, with the accounts an embedded broker must enforce (present when no
     * external broker is configured): the agent connects with {@link BrokerAccounts#agent()}.
     */
    default Optional<Started> beforeServices(AgentConfig config, Optional<BrokerAccounts> brokerAccounts)
            throws Exception {
        return beforeServices(config);
    }

    /** Starts after the agent's services are up (e.g. hosts that connect to the host interface). */
    default Optional<AutoCloseable> afterServices(AgentAssembly agent) throws Exception {
        return Optional.empty();
    }
}
