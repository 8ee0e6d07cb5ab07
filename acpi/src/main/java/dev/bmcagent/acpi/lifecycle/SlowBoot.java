package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import java.time.Duration;
import java.util.Locale;

/**
 * SLOW_BOOT: the time one boot lost to dead network-boot interfaces (failed attempts, measured by the agent) passed
 * the limit. Raised during the boot at the failure that passes it, updated at each later failure, and cleared only
 * when a boot reaches the OS having lost no more than the limit: the condition is "this host's boots lose time".
 */
final class SlowBoot {

    private SlowBoot() {}

    static Duration lost(BootCycle c) {
        Duration total = Duration.ZERO;
        for (BootCycle.NetworkBootAttempt a : c.attempts()) {
            total = total.plus(a.timeLost());
        }
        return total;
    }

    static void check(Step s, BootCycle c, Duration limit) {
        Duration lost = lost(c);
        if (lost.compareTo(limit) <= 0) {
            return;
        }
        String detail = String.format(
                Locale.ROOT,
                "boot %d lost %ds to %d dead network-boot interfaces (limit %ds)",
                c.number(),
                lost.toSeconds(),
                c.attempts().size(),
                limit.toSeconds());
        Alert alert = new Alert(AlertKind.SLOW_BOOT, detail, StuckPreOsDetector.phaseName(s.progress), lost, s.now);
        if (!s.update(alert)) {
            s.raise(alert);
        }
    }

    static void osReached(Step s, BootCycle c, Duration limit) {
        Duration lost = lost(c);
        if (lost.compareTo(limit) <= 0) {
            s.clear(
                    AlertKind.SLOW_BOOT,
                    String.format(
                            Locale.ROOT,
                            "boot %d reached the OS losing %ds to dead interfaces (limit %ds)",
                            c.number(),
                            lost.toSeconds(),
                            limit.toSeconds()));
        }
    }
}
