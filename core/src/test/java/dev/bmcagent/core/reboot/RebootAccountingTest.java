package dev.bmcagent.core.reboot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.host.HostPowerPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The daemon's reboot accounting from boot-cycle events: a boot the agent did not trigger is the host's own
 * (reported, never asked for), a permitted reboot of the agent's is not; a boot that ends with the OS or powered off
 * releases, one ended by a reset keeps the permit; a HOLD does not reboot; a caller that gave up withdraws.
 */
class RebootAccountingTest {
    private static final Instant T = Instant.parse("2026-12-06T00:00:00Z");
    private final List<String> calls = new ArrayList<>();
    private final List<PowerAction> performed = new ArrayList<>();
    private PermitAnswer next = PermitAnswer.granted("permit #1");
    private long seq;

    private final RebootPermits permits = new RebootPermits() {
        @Override
        public void request(RebootRequest request, Consumer<PermitAnswer> onAnswer) {
            calls.add("request " + request.hostId() + " " + request.reason());
            onAnswer.accept(next);
        }

        @Override
        public void release(String hostId) {
            calls.add("release " + hostId);
        }

        @Override
        public void withdraw(String hostId) {
            calls.add("withdraw " + hostId);
        }

        @Override
        public void observedReboot(String hostId) {
            calls.add("observed " + hostId);
        }
    };
    private final HostPowerPort backend = performed::add;
    private final RebootAccounting accounting = new RebootAccounting(permits);

    private void started(String host) {
        accounting.onEvent(new HostEvent(host, ++seq, "s", T, 0, new LifecycleEvent.BootCycleStarted(seq, "reset", T)));
    }

    private void ended(String host, BootCycle.Outcome outcome) {
        BootCycle c =
                new BootCycle(seq, T, "reset", List.of(), List.of(), List.of(), Optional.of(T), Optional.of(outcome));
        accounting.onEvent(new HostEvent(host, ++seq, "s", T, 0, new LifecycleEvent.BootCycleEnded(c, T)));
    }

    @Test
    void aBootTheAgentDidNotTriggerIsCountedNeverAskedForAndReleasedWhenTheOsRuns() {
        started("host0");
        assertEquals(List.of("observed host0"), calls);
        ended("host0", BootCycle.Outcome.OS_RUNNING);
        assertEquals(List.of("observed host0", "release host0"), calls);
        assertEquals(1, accounting.observedReboots());
        assertEquals(0, accounting.ownReboots());
    }

    @Test
    void aPermittedReapplyRebootIsTheAgentsOwnAndAResetKeepsThePermitUntilTheOsRuns() {
        HostPowerPort gated = accounting.gate("host1", backend);
        gated.performOwnReboot(PowerAction.WARM_RESET, "agent: HostReport");
        assertEquals(List.of(PowerAction.WARM_RESET), performed);
        ended("host1", BootCycle.Outcome.RESET); // the boot the reboot cut short: no start seen, no release
        started("host1"); // the agent's reboot: not the host's own
        ended("host1", BootCycle.Outcome.RESET); // a re-apply during that boot: the permit is kept
        started("host1");
        ended("host1", BootCycle.Outcome.OS_RUNNING);
        assertEquals(
                List.of("request host1 agent: HostReport", "observed host1", "release host1"),
                calls,
                "the second start had no permitted reboot of the agent's in flight: the host's own");
        gated.perform(PowerAction.POWER_CYCLE); // an operator's command: never asks
        assertEquals(List.of(PowerAction.WARM_RESET, PowerAction.POWER_CYCLE), performed);
        assertEquals(1, accounting.ownReboots());
    }

    @Test
    void aHoldDoesNotRebootAndACallerThatGaveUpWithdraws() {
        next = PermitAnswer.hold("coordinator did not answer within PT10M");
        accounting.gate("host2", backend).performOwnReboot(PowerAction.WARM_RESET, "agent: HostReport");
        assertEquals(List.of(), performed);
        assertEquals(1, accounting.heldReboots());
        next = PermitAnswer.granted("permit #2");
        accounting.reboot("host2", backend, PowerAction.HARD_RESET, "firmware BIOS", a -> false);
        assertEquals(List.of(), performed, "the caller no longer wanted it");
        accounting.reboot("host2", backend, PowerAction.HARD_RESET, "firmware BIOS", a -> true);
        assertEquals(List.of(PowerAction.HARD_RESET), performed);
        assertEquals(
                List.of(
                        "request host2 agent: HostReport",
                        "request host2 firmware BIOS",
                        "withdraw host2",
                        "request host2 firmware BIOS"),
                calls);
    }

    @Test
    void aBootEndingWithoutAStartSeenReleasesNothing() {
        ended("host3", BootCycle.Outcome.OS_RUNNING); // a boot already running when the agent started
        assertEquals(List.of(), calls);
    }
}
