package dev.bmcagent.simulator.host;

import dev.bmcagent.simulator.firmware.FirmwarePhase;
import dev.bmcagent.simulator.netboot.BootAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host itself recorded about one boot: the ground truth results are computed from.
 *
 * @param number            1-based boot number of this host
 * @param cause             why it started
 * @param start             power-on / reset time
 * @param phases            when each reported phase started
 * @param bootOrderAtPost   BootOrder descriptions as reported at BDS (after any declared order was applied)
 * @param attempts          boot option attempts in order
 * @param dimmsInstalled    DIMMs physically present
 * @param memoryInitialized whether every SPD had been read (the DIMM counts below mean something)
 * @param dimmsDetected     DIMMs whose SPD read succeeded
 * @param reportedMemoryGiB memory the host came up with (0 before SPD reads finished)
 * @param longTraining      whether memory training took the long path
 * @param osRunning         when the OS reported itself running
 * @param outcome           how it ended
 */
public record BootRecord(
        int number,
        BootCause cause,
        Instant start,
        Map<FirmwarePhase, Instant> phases,
        List<String> bootOrderAtPost,
        List<BootAttempt> attempts,
        int dimmsInstalled,
        boolean memoryInitialized,
        int dimmsDetected,
        int reportedMemoryGiB,
        boolean longTraining,
        Optional<Instant> osRunning,
        BootOutcome outcome) {
    public BootRecord {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(outcome, "outcome");
        phases = Map.copyOf(phases);
        bootOrderAtPost = List.copyOf(bootOrderAtPost);
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(osRunning, "osRunning");
    }

    /** Power-on (or reset) to OS running, if it got there. */
    public Optional<Duration> bootTime() {
        return osRunning.map(t -> Duration.between(start, t));
    }

    /** Time lost trying network interfaces that could not boot. */
    public Duration deadInterfaceTime() {
        Duration total = Duration.ZERO;
        for (BootAttempt a : attempts) {
            total = total.plus(a.deadInterfaceTime());
        }
        return total;
    }

    /**
     * For a boot the BMC started by pulsing reset (in fleet scenarios: only to re-apply the declared boot order),
     * the POST it had to repeat: reset to BDS, where the firmware reads the pending order. Zero otherwise.
     */
    public Duration repeatedPostTime() {
        if (cause != BootCause.HARD_RESET) {
            return Duration.ZERO;
        }
        Instant bds = phases.get(FirmwarePhase.BDS);
        return bds == null ? Duration.ZERO : Duration.between(start, bds);
    }

    /** Whether SPD reads finished with at least one DIMM skipped. */
    public boolean missingDimms() {
        return memoryInitialized && dimmsDetected < dimmsInstalled;
    }
}
