package dev.bmcagent.simulator.bmc;

import dev.bmcagent.simulator.fleet.Fleet;
import dev.bmcagent.simulator.fleet.FleetConfig;
import dev.bmcagent.simulator.fleet.Scenario;
import dev.bmcagent.simulator.host.HostConfig;
import org.junit.jupiter.api.Test;

class DebugScratchTest {
    @Test
    void debug() {
        AgentBmcFactory bmc = new AgentBmcFactory(AgentBmcOptions.defaults().withDeclaredOrder(AgentBmcOptions.DECLARED_HTTPS_IPV6));
        Fleet fleet = new Fleet(FleetConfig.uniform(1, 1, HostConfig.builder().nics(4).build()), bmc);
        bmc.prepare(fleet.hosts(), fleet.scheduler());
        fleet.run(Scenario.COLD_BOOT);
        var events = new java.util.ArrayList<dev.bmcagent.agent.event.HostEvent>();
        fleet.hosts().get(0).boots().forEach(b -> System.out.println("BOOT " + b.bootOrderAtPost() + " " + b.attempts().size()));
        System.out.println("PENDING " + bmc.node(0).pendingBootOrder().current());
        System.out.println("STATE " + bmc.node(0).state().reconcile());
    }
}
