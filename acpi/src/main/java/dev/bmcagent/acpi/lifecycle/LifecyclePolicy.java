package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.BootOrderReconciler;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link DefaultHostLifecycle}, with named defaults.
 *
 * @param memoryTrainingLimit  stuck when LastState stays MemoryInitializationStarted this long
 * @param networkBootLimit     stuck when network boot (from ReadyToBoot or the first failed attempt's start,
 *                             whichever is earlier) lasts this long without reaching the OS
 * @param preOsLimit           stuck when a boot cycle has not reached the OS this long after it started
 * @param fixedDutyPercent     fan duty the agent applies for {@code FanMode.FixedDuty} (S2_D2)
 * @param maxReconcileAttempts re-apply + reboot rounds per declared boot order before the alarm
 * @param reconcileReboot      how the reconciler reboots the host (WARM_RESET or POWER_CYCLE)
 * @param maxPostCodesPerCycle POST codes kept per boot cycle (the most recent ones)
 * @param slowBootLimit        SLOW_BOOT when one boot loses more than this to dead network-boot interfaces
 */
public record LifecyclePolicy(
        Duration memoryTrainingLimit,
        Duration networkBootLimit,
        Duration preOsLimit,
        int fixedDutyPercent,
        int maxReconcileAttempts,
        LifecycleInput.PowerAction reconcileReboot,
        int maxPostCodesPerCycle,
        Duration slowBootLimit) {

    /** DDR5 training takes minutes on the first boot after a change; a quarter hour is beyond any sane training. */
    public static final Duration DEFAULT_MEMORY_TRAINING_LIMIT = Duration.ofMinutes(15);
    /** Two dead interfaces at the vendor's ~300 s each: the order is wrong or the network is down. */
    public static final Duration DEFAULT_NETWORK_BOOT_LIMIT = Duration.ofMinutes(10);
    /** Half an hour from power-on without an OS is stuck whatever the phase. */
    public static final Duration DEFAULT_PRE_OS_LIMIT = Duration.ofMinutes(30);

    public static final int DEFAULT_FIXED_DUTY_PERCENT = 60;
    public static final int DEFAULT_MAX_RECONCILE_ATTEMPTS = BootOrderReconciler.DEFAULT_MAX_ATTEMPTS;
    public static final LifecycleInput.PowerAction DEFAULT_RECONCILE_REBOOT = LifecycleInput.PowerAction.WARM_RESET;
    public static final int DEFAULT_MAX_POST_CODES_PER_CYCLE = 256;
    /** A declared interface order boots in under a minute; two minutes lost means an interface is being probed dead. */
    public static final Duration DEFAULT_SLOW_BOOT_LIMIT = Duration.ofMinutes(2);

    public LifecyclePolicy {
        positive(memoryTrainingLimit, "memoryTrainingLimit");
        positive(networkBootLimit, "networkBootLimit");
        positive(preOsLimit, "preOsLimit");
        positive(slowBootLimit, "slowBootLimit");
        if (fixedDutyPercent < 0 || fixedDutyPercent > 100) {
            throw new IllegalArgumentException("fixedDutyPercent not in 0..100: " + fixedDutyPercent);
        }
        if (maxReconcileAttempts < 0) {
            throw new IllegalArgumentException("maxReconcileAttempts < 0");
        }
        Objects.requireNonNull(reconcileReboot, "reconcileReboot");
        if (reconcileReboot != LifecycleInput.PowerAction.WARM_RESET
                && reconcileReboot != LifecycleInput.PowerAction.POWER_CYCLE
                && reconcileReboot != LifecycleInput.PowerAction.HARD_RESET) {
            throw new IllegalArgumentException("reconcileReboot must reboot the host: " + reconcileReboot);
        }
        if (maxPostCodesPerCycle < 1) {
            throw new IllegalArgumentException("maxPostCodesPerCycle < 1");
        }
    }

    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(
                DEFAULT_MEMORY_TRAINING_LIMIT,
                DEFAULT_NETWORK_BOOT_LIMIT,
                DEFAULT_PRE_OS_LIMIT,
                DEFAULT_FIXED_DUTY_PERCENT,
                DEFAULT_MAX_RECONCILE_ATTEMPTS,
                DEFAULT_RECONCILE_REBOOT,
                DEFAULT_MAX_POST_CODES_PER_CYCLE,
                DEFAULT_SLOW_BOOT_LIMIT);
    }

    /** The same policy with other stuck and slow-boot limits (configuration). */
    public LifecyclePolicy withLimits(
            Duration memoryTraining, Duration networkBoot, Duration preOs, Duration slowBoot) {
        return new LifecyclePolicy(
                memoryTraining,
                networkBoot,
                preOs,
                fixedDutyPercent,
                maxReconcileAttempts,
                reconcileReboot,
                maxPostCodesPerCycle,
                slowBoot);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
