package dev.bmcagent.core.reboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.common.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The unreachable-coordinator rule and the gated power port, on a hand-advanced clock. */
class DeadlineRebootPermitsTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> alerts = new ArrayList<>();
    private final List<String> released = new ArrayList<>();
    private final List<Consumer<PermitAnswer>> pending = new ArrayList<>();

    /** A coordinator that answers only when the test says so. */
    private final RebootPermits slow = new RebootPermits() {
        @Override
        public void request(RebootRequest request, Consumer<PermitAnswer> onAnswer) {
            pending.add(onAnswer);
        }

        @Override
        public void release(String hostId) {
            released.add(hostId);
        }
    };

    private DeadlineRebootPermits permits(DeadlineRebootPermits.Fallback rule) {
        return new DeadlineRebootPermits(slow, clock, Duration.ofSeconds(30), rule, alerts::add);
    }

    @Test
    void holdRuleDoesNotRebootAndRaisesAnAlertAtTheDeadline() {
        List<PowerAction> performed = new ArrayList<>();
        List<PermitAnswer> held = new ArrayList<>();
        PermitGatedPowerPort port = new PermitGatedPowerPort(
                "host0", performed::add, permits(DeadlineRebootPermits.Fallback.HOLD), held::add);
        port.performOwnReboot(PowerAction.WARM_RESET, "boot-order re-apply");
        clock.advance(Duration.ofSeconds(29));
        assertTrue(performed.isEmpty());
        assertTrue(alerts.isEmpty());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(performed.isEmpty());
        assertEquals(1, held.size());
        assertEquals(PermitAnswer.Verdict.HOLD, held.get(0).verdict());
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).startsWith("host0: coordinator did not answer"), alerts.get(0));

        // the coordinator answers late with a grant: ignored, and the permit is handed back at once
        pending.get(0).accept(PermitAnswer.granted("late"));
        assertTrue(performed.isEmpty());
        assertEquals(List.of("host0"), released);
    }

    @Test
    void proceedRuleRebootsAtTheDeadlineAndRaisesAnAlert() {
        List<PowerAction> performed = new ArrayList<>();
        PermitGatedPowerPort port = new PermitGatedPowerPort(
                "host0", performed::add, permits(DeadlineRebootPermits.Fallback.PROCEED), a -> {});
        port.performOwnReboot(PowerAction.WARM_RESET, "boot-order re-apply");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(PowerAction.WARM_RESET), performed);
        assertEquals(1, alerts.size());
    }

    @Test
    void anAnswerInTimeIsFollowedAndNoAlert() {
        List<PowerAction> performed = new ArrayList<>();
        PermitGatedPowerPort port = new PermitGatedPowerPort(
                "host0", performed::add, permits(DeadlineRebootPermits.Fallback.HOLD), a -> {});
        port.performOwnReboot(PowerAction.POWER_CYCLE, "firmware BIOS");
        pending.get(0).accept(PermitAnswer.granted("permit #1"));
        assertEquals(List.of(PowerAction.POWER_CYCLE), performed);
        clock.advance(Duration.ofMinutes(5));
        assertTrue(alerts.isEmpty());
        assertEquals(List.of(PowerAction.POWER_CYCLE), performed);
    }

    @Test
    void operatorActionsAndTheLocalDefaultAreNeverGated() {
        List<PowerAction> performed = new ArrayList<>();
        PermitGatedPowerPort port = new PermitGatedPowerPort(
                "host0", performed::add, permits(DeadlineRebootPermits.Fallback.HOLD), a -> {});
        port.perform(PowerAction.HARD_RESET);
        assertEquals(List.of(PowerAction.HARD_RESET), performed);
        assertTrue(pending.isEmpty());

        PermitGatedPowerPort local = new PermitGatedPowerPort("host1", performed::add, RebootPermits.PROCEED, a -> {});
        local.performOwnReboot(PowerAction.WARM_RESET, "boot-order re-apply");
        assertEquals(List.of(PowerAction.HARD_RESET, PowerAction.WARM_RESET), performed);
    }
}
