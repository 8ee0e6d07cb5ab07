package dev.bmcagent.simulator.bmc;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.core.event.EventListener;
import dev.bmcagent.core.event.HostEvent;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, from the agent's own event stream, what the fleet summary reports from the agent side: fail-safe
 * entries, stuck-before-OS alerts, boot-order reconcile reboots and alarms. One tally may listen to many hosts.
 */
public final class AgentEventTally implements EventListener {
    private final LongAdder failSafeEntries = new LongAdder();
    private final LongAdder stuckAlerts = new LongAdder();
    private final LongAdder reconcileReboots = new LongAdder();
    private final LongAdder bootOrderAlarms = new LongAdder();
    private final LongAdder events = new LongAdder();

    @Override
    public void onEvent(HostEvent event) {
        accept(event.event());
    }

    /** Counts one lifecycle event. */
    public void accept(LifecycleEvent e) {
        events.increment();
        if (e instanceof LifecycleEvent.FanModeChanged f && f.mode() == FanMode.FailSafe) {
            failSafeEntries.increment();
        } else if (e instanceof LifecycleEvent.AlertRaised a && a.alert().kind() == AlertKind.STUCK_PRE_OS) {
            stuckAlerts.increment();
        } else if (e instanceof LifecycleEvent.ReconcileDecided r) {
            if (r.decision() == LifecycleEvent.ReconcileDecision.REAPPLY_AND_REBOOT) {
                reconcileReboots.increment();
            } else if (r.decision() == LifecycleEvent.ReconcileDecision.ALARM) {
                bootOrderAlarms.increment();
            }
        }
    }

    /** The counts so far. */
    public Counts counts() {
        return new Counts(failSafeEntries.sum(), stuckAlerts.sum(), reconcileReboots.sum(), bootOrderAlarms.sum());
    }

    /** Lifecycle events seen. */
    public long events() {
        return events.sum();
    }

    /**
     * The four counts both sides report.
     *
     * @param failSafeEntries  fan zone entered fail-safe
     * @param stuckAlerts      host stuck before the OS (one per episode)
     * @param reconcileReboots declared boot order re-applied and the host rebooted
     * @param bootOrderAlarms  declared boot order given up on (alarm)
     */
    public record Counts(long failSafeEntries, long stuckAlerts, long reconcileReboots, long bootOrderAlarms) {}
}
