package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.BootOrderReconciler;
import java.time.Duration;
import java.util.List;

/** The lifecycle side of boot-order reconciliation: keeps attempts, emits decisions, SEL records and effects. */
final class BootOrderStep {

    private final BootOrderReconciler reconciler;
    private final LifecycleInput.PowerAction reboot;

    BootOrderStep(BootOrderReconciler reconciler, LifecycleInput.PowerAction reboot) {
        this.reconciler = reconciler;
        this.reboot = reboot;
    }

    /** A new declaration: attempts and alarm reset; the order is applied at once (no reboot). */
    void declared(Step s, List<String> patterns) {
        s.reconcile = new ReconcileState(patterns, 0, false);
        s.clear(AlertKind.BOOT_ORDER, "new boot order declared");
        if (patterns.isEmpty()) {
            return;
        }
        if (BootOrderReconciler.compile(patterns).isEmpty()) {
            s.reconcile = new ReconcileState(patterns, 0, true);
            decided(s, LifecycleEvent.ReconcileDecision.ALARM, List.of(), 0);
            s.raise(new Alert(
                    AlertKind.BOOT_ORDER,
                    "declared boot order has an invalid pattern: " + patterns,
                    "",
                    Duration.ZERO,
                    s.now));
            return;
        }
        s.effect(new Effect.ApplyBootOrder(patterns));
    }

    /** The host reported its boot order at POST. */
    void reported(Step s, List<String> options) {
        ReconcileState r = s.reconcile;
        if (r.declared().isEmpty()) {
            return;
        }
        BootOrderReconciler.Decision d = reconciler.decide(r.declared(), r.attempts(), r.alarmed(), options);
        switch (d.verdict()) {
            case OK -> {
                s.reconcile = new ReconcileState(r.declared(), 0, false);
                decided(s, LifecycleEvent.ReconcileDecision.OK, options, r.attempts());
                s.clear(AlertKind.BOOT_ORDER, d.reason());
            }
            case REAPPLY_AND_REBOOT -> {
                int attempt = r.attempts() + 1;
                s.reconcile = new ReconcileState(r.declared(), attempt, false);
                decided(s, LifecycleEvent.ReconcileDecision.REAPPLY_AND_REBOOT, options, attempt);
                s.effect(new Effect.ApplyBootOrder(r.declared()));
                s.effect(new Effect.HostPowerAction(reboot));
                s.emit(new LifecycleEvent.PowerActionRequested(reboot, d.reason(), s.now));
            }
            case ALARM -> {
                s.reconcile = new ReconcileState(r.declared(), r.attempts(), true);
                decided(s, LifecycleEvent.ReconcileDecision.ALARM, options, r.attempts());
                s.raise(new Alert(AlertKind.BOOT_ORDER, d.reason(), "", Duration.ZERO, s.now));
            }
            case ALREADY_ALARMED -> {
                // the alarm stands; no further decision, reboot or record until a new declaration or a match
            }
        }
    }

    /**
     * The firmware said it ignores BootOrder writes: re-applying and rebooting cannot help, so the alarm is raised
     * at once (no reboot). A later report that matches clears it, as any match does.
     */
    void refused(Step s) {
        ReconcileState r = s.reconcile;
        if (r.declared().isEmpty() || r.alarmed()) {
            return;
        }
        s.reconcile = new ReconcileState(r.declared(), r.attempts(), true);
        decided(s, LifecycleEvent.ReconcileDecision.ALARM, List.of(), r.attempts());
        s.raise(new Alert(
                AlertKind.BOOT_ORDER,
                "firmware ignores boot-order writes (forced priority): the declared order cannot be applied",
                "",
                Duration.ZERO,
                s.now));
    }

    private void decided(Step s, LifecycleEvent.ReconcileDecision decision, List<String> reported, int attempt) {
        s.emit(new LifecycleEvent.ReconcileDecided(decision, s.reconcile.declared(), reported, attempt, s.now));
        s.sel(LifecycleSelEvents.bootOrder(decision, attempt, reconciler.maxAttempts()));
    }
}
