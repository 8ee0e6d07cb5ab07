package dev.bmcagent.simulator.report;

import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import dev.bmcagent.simulator.bmc.AgentEventTally;
import dev.bmcagent.simulator.firmware.FirmwarePhase;
import dev.bmcagent.simulator.host.BootCause;
import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.netboot.BootAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The same four counts as {@link AgentEventTally}, computed only from what the hosts themselves recorded, so the
 * summary can check that the agent saw what happened:
 * <ul>
 *   <li>fail-safe entries: times the host's fan zone 0 went to 100 % duty;</li>
 *   <li>stuck alerts: boots that crossed one of the policy's limits (memory training, network boot from
 *       ReadyToBoot or the first failed attempt, power-on to OS) before reaching the OS;</li>
 *   <li>reconcile reboots: boots started by a BMC reset (the only BMC reset in fleet scenarios);</li>
 *   <li>boot-order alarms: hosts whose last POST still did not put the first declared pattern first.</li>
 * </ul>
 */
public final class HostSideCounts {

    private HostSideCounts() {}

    public static AgentEventTally.Counts count(
            List<SimulatedHost> hosts, LifecyclePolicy policy, List<String> declared, Instant now) {
        long failSafe = 0;
        long stuck = 0;
        long resets = 0;
        long alarms = 0;
        Pattern first = declared.isEmpty() ? null : Pattern.compile(declared.get(0));
        for (SimulatedHost host : hosts) {
            failSafe += host.fans().fullSpeedEntries();
            List<BootRecord> boots = new ArrayList<>(host.boots());
            host.currentBoot().ifPresent(boots::add);
            List<String> lastOrder = List.of();
            for (int i = 0; i < boots.size(); i++) {
                BootRecord r = boots.get(i);
                Instant end = r.osRunning()
                        .orElse(i + 1 < boots.size() ? boots.get(i + 1).start() : now);
                stuck += stuck(r, end, policy) ? 1 : 0;
                resets += r.cause() == BootCause.HARD_RESET ? 1 : 0;
                if (!r.bootOrderAtPost().isEmpty()) {
                    lastOrder = r.bootOrderAtPost();
                }
            }
            if (first != null
                    && !lastOrder.isEmpty()
                    && !first.matcher(lastOrder.get(0)).matches()) {
                alarms++;
            }
        }
        return new AgentEventTally.Counts(failSafe, stuck, resets, alarms);
    }

    static boolean stuck(BootRecord r, Instant end, LifecyclePolicy policy) {
        if (Duration.between(r.start(), end).compareTo(policy.preOsLimit()) > 0) {
            return true;
        }
        Instant memory = r.phases().get(FirmwarePhase.MEMORY_INIT);
        if (memory != null) {
            Instant after = r.phases().getOrDefault(FirmwarePhase.SECONDARY_CPU, end);
            if (Duration.between(memory, after).compareTo(policy.memoryTrainingLimit()) > 0) {
                return true;
            }
        }
        Instant network = r.phases().get(FirmwarePhase.READY_TO_BOOT);
        for (BootAttempt a : r.attempts()) {
            if (!a.succeeded()
                    && a.option().isNetwork()
                    && (network == null || a.start().isBefore(network))) {
                network = a.start();
                break;
            }
        }
        return network != null && Duration.between(network, end).compareTo(policy.networkBootLimit()) > 0;
    }
}
