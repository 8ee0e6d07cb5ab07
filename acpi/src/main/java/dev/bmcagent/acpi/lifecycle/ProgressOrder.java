package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.progress.Translation;
import java.time.Instant;

/**
 * The order of BootProgress within one boot (the rows of {@link dev.bmcagent.acpi.progress.BootPhase}, in the
 * order UEFI runs them): LastState never goes backwards within a boot.
 *
 * <ul>
 *   <li>A code for an earlier phase than LastState does not move it (firmware re-reports phases while it probes).</li>
 *   <li>An OEM code before boot device selection (DXE) is LastState OEM with OemLastState naming it; after BDS it is
 *       carried in OemLastState only, LastState (and LastStateTime) stay.</li>
 *   <li>ExitBootServices is not OSRunning: the OS loader runs, the OS does not yet. OSRunning comes only from the
 *       host's own OS boot completed event or its S0 report; until then LastState is OSBootStarted.</li>
 *   <li>A PEI-start or memory-init code once the boot is past memory init is a restart the BMC only sees.</li>
 * </ul>
 */
final class ProgressOrder {

    private ProgressOrder() {}

    static int rank(BootProgressState s) {
        return switch (s) {
            case None -> 0;
            case PrimaryProcessorInitializationStarted -> 1;
            case BusInitializationStarted -> 2;
            case MemoryInitializationStarted -> 3;
            case SecondaryProcessorInitializationStarted, OEM -> 4;
            case SystemHardwareInitializationComplete -> 5;
            case PCIResourceConfigStarted -> 6;
            case SetupEntered -> 7;
            case OSBootStarted -> 8;
            case OSRunning -> 9;
        };
    }

    /** A code that only a (re)starting firmware sends: PEI core start or memory init. */
    static boolean startsBoot(BootProgressState t) {
        return t == BootProgressState.PrimaryProcessorInitializationStarted
                || t == BootProgressState.MemoryInitializationStarted;
    }

    /**
     * Whether {@code t} during a boot at {@code current} means the host restarted: a boot-start code once the boot is
     * past memory init. OEM is not a position (an unknown code can come at any time), so it never implies a restart.
     */
    static boolean restarts(BootProgressState current, BootProgressState t) {
        return startsBoot(t)
                && current != BootProgressState.OEM
                && rank(current) > rank(BootProgressState.MemoryInitializationStarted);
    }

    /** BootProgress after translation {@code t} arrived at {@code now}; {@code p} itself when nothing moves. */
    static BootProgress next(BootProgress p, Translation t, Instant now) {
        BootProgressState current = p.lastState();
        BootProgressState target =
                t.state() == BootProgressState.OSRunning ? BootProgressState.OSBootStarted : t.state();
        if (target == BootProgressState.OEM) {
            if (rank(current) <= rank(BootProgressState.OEM)) {
                return new BootProgress(BootProgressState.OEM, t.oemLastState(), now, p.lastBootTimeSeconds());
            }
            return new BootProgress(current, t.oemLastState(), p.lastStateTime(), p.lastBootTimeSeconds());
        }
        if (target == current || (current != BootProgressState.OEM && rank(target) < rank(current))) {
            return p;
        }
        return new BootProgress(target, java.util.Optional.empty(), now, p.lastBootTimeSeconds());
    }
}
