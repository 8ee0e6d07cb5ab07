package dev.bmcagent.agent.runtime;

import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.HostLinkKind;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.node.HostHardware;
import dev.bmcagent.core.node.HostInputs;
import dev.bmcagent.core.node.HostView;

/**
 * A host link other than the VM protocol (e.g. OpenBMC's D-Bus, module {@code openbmc}): it brings each host's
 * sensors and fans, carries out its power actions, and feeds the host's signals into the node through the node's
 * ordinary inputs ({@link HostInputs}) and follows it through its {@link HostView}. {@link BmcRuntime} then starts
 * no VM host interface. Closed by whoever opened it, after the runtime.
 */
public interface HostLinkProvider extends AutoCloseable {

    /** Host {@code index}'s sensors, sensor bus and fan zones. */
    HostHardware hardware(int index);

    /** Host {@code index}'s power actions. */
    HostPowerPort power(int index);

    /**
     * Starts feeding {@code node}'s signals (called once per host after the node started) and following its
     * {@code events}; the returned handle stops that.
     */
    <N extends HostInputs & HostView> AutoCloseable attach(N node, EventStream events) throws Exception;

    /** Opens a provider for a {@code hostLink:} kind; found with {@link java.util.ServiceLoader}. */
    interface Factory {

        /** The kind this factory serves. */
        HostLinkKind kind();

        /** Validates the configuration's section for this link and connects; throws ConfigException if invalid. */
        HostLinkProvider open(AgentConfig config) throws Exception;
    }
}
