package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.SensorGatePolicy;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.progress.BootProgressState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Raises STUCK_PRE_OS when a running boot cycle exceeds a limit (runs after every input, Tick included). A host
 * that reports S0_G0_D0 is past the pre-OS phases and is never judged stuck, even before it reports OS boot complete.
 *
 * <p>Rules, checked in order while no STUCK_PRE_OS alert is active:
 * <ol>
 *   <li>memory training: LastState MemoryInitializationStarted for {@code memoryTrainingLimit};</li>
 *   <li>network boot: {@code networkBootLimit} since network boot began (the earlier of the first ReadyToBoot of
 *       the cycle and the start of its first failed network-boot attempt);</li>
 *   <li>pre-OS: {@code preOsLimit} since the cycle started.</li>
 * </ol>
 * The alert is cleared only when the host reaches the OS or powers off; a phase change (or a restart) while it is
 * active updates it ({@link #progressed}) with the phase the host is now in. The network and pre-OS rules only fire in
 * the phase during which their limit ran out, so a host that progressed past that phase is not raised again later in
 * the same boot. The detector sees time only through inputs: the agent must Tick each host at a
 * period well below the limits (seconds), or a limit that runs out just before a phase change goes unnoticed.
 */
final class StuckPreOsDetector {

    private StuckPreOsDetector() {}

    static void check(Step s, LifecyclePolicy policy) {
        Optional<BootCycle> running = s.running();
        if (!s.powerOn
                || running.isEmpty()
                || s.alerts.containsKey(AlertKind.STUCK_PRE_OS)
                || SensorGatePolicy.working(s.system)) {
            return;
        }
        BootCycle cycle = running.get();
        Instant phaseStart = phaseStart(s.progress, cycle);
        String phase = phaseName(s.progress);
        if (s.progress.lastState() == BootProgressState.MemoryInitializationStarted
                && exceeded(phaseStart, s.now, policy.memoryTrainingLimit())) {
            s.raise(alert("memory training", phase, phaseStart, s.now, policy.memoryTrainingLimit()));
            return;
        }
        Optional<Instant> network = networkBootStart(cycle);
        if (network.isPresent()
                && exceeded(network.get(), s.now, policy.networkBootLimit())
                && !phaseStart.isAfter(network.get().plus(policy.networkBootLimit()))) {
            s.raise(alert(
                    "network boot (" + cycle.attempts().size() + " failed attempts)",
                    phase,
                    network.get(),
                    s.now,
                    policy.networkBootLimit()));
            return;
        }
        if (exceeded(cycle.startedAt(), s.now, policy.preOsLimit())
                && !phaseStart.isAfter(cycle.startedAt().plus(policy.preOsLimit()))) {
            s.raise(alert("pre-OS", phase, cycle.startedAt(), s.now, policy.preOsLimit()));
        }
    }

    /** A hang the firmware reported itself: stuck now, whatever the limits. */
    static void hang(Step s, String detail) {
        Optional<BootCycle> running = s.running();
        if (!s.powerOn || running.isEmpty()) {
            return;
        }
        Instant start = phaseStart(s.progress, running.get());
        s.raise(new Alert(
                AlertKind.STUCK_PRE_OS,
                "firmware reported a hang: " + detail,
                phaseName(s.progress),
                Duration.between(start, s.now),
                s.now));
    }

    /** The host moved to a new phase while stuck: the alert stays, naming the phase it is in now. */
    static void progressed(Step s) {
        Alert active = s.alerts.get(AlertKind.STUCK_PRE_OS);
        if (active == null) {
            return;
        }
        String phase = phaseName(s.progress);
        if (!phase.equals(active.phase())) {
            String detail = active.detail().replaceFirst(" \\(now at .*\\)$", "") + " (now at " + phase + ")";
            s.update(new Alert(AlertKind.STUCK_PRE_OS, detail, phase, active.elapsed(), active.raisedAt()));
        }
    }

    static Instant phaseStart(BootProgress progress, BootCycle cycle) {
        return progress.lastStateTime().isAfter(cycle.startedAt()) ? progress.lastStateTime() : cycle.startedAt();
    }

    static String phaseName(BootProgress progress) {
        return progress.oemLastState().orElse(progress.lastState().name());
    }

    static Optional<Instant> networkBootStart(BootCycle cycle) {
        Instant start = null;
        for (BootCycle.PhaseMark mark : cycle.phases()) {
            if (mark.state() == BootProgressState.OSBootStarted) {
                start = mark.at();
                break;
            }
        }
        for (BootCycle.NetworkBootAttempt attempt : cycle.attempts()) {
            Instant began = attempt.at().minus(attempt.timeLost());
            if (began.isBefore(cycle.startedAt())) {
                began = cycle.startedAt();
            }
            if (start == null || began.isBefore(start)) {
                start = began;
            }
        }
        return Optional.ofNullable(start);
    }

    private static boolean exceeded(Instant since, Instant now, Duration limit) {
        return Duration.between(since, now).compareTo(limit) >= 0;
    }

    private static Alert alert(String what, String phase, Instant since, Instant now, Duration limit) {
        Duration elapsed = Duration.between(since, now);
        String detail = String.format(
                Locale.ROOT,
                "stuck in %s for %ds (limit %ds) at %s",
                what,
                elapsed.toSeconds(),
                limit.toSeconds(),
                phase);
        return new Alert(AlertKind.STUCK_PRE_OS, detail, phase, elapsed, now);
    }
}
