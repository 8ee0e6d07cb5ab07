package dev.bmcagent.simulator.report;

import dev.bmcagent.simulator.host.BootOutcome;
import dev.bmcagent.simulator.host.BootRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One host's results in a {@code bmc simulate} run ({@code summary.json} "hostResults").
 *
 * @param index                 the host
 * @param faults                the {@code --fault} flags that applied to it
 * @param boots                 measured boots
 * @param bootsToOs             of which reached the OS
 * @param lastOutcome           how the last measured boot ended (OS_RUNNING, HUNG_MEMORY_TRAINING, ...)
 * @param deadInterfaceTime     time its boots lost to dead network-boot interfaces
 * @param bootsWithMissingDimms boots that detected fewer DIMMs than installed
 * @param longestBoot           its longest power-on/reset to OS time (zero if none reached the OS)
 */
public record HostResult(
        int index,
        List<String> faults,
        int boots,
        int bootsToOs,
        String lastOutcome,
        Duration deadInterfaceTime,
        int bootsWithMissingDimms,
        Duration longestBoot) {
    public HostResult {
        faults = List.copyOf(faults);
        Objects.requireNonNull(lastOutcome, "lastOutcome");
        Objects.requireNonNull(deadInterfaceTime, "deadInterfaceTime");
        Objects.requireNonNull(longestBoot, "longestBoot");
    }

    /** The result of host {@code index} from its measured boots. */
    public static HostResult of(int index, List<String> faults, List<BootRecord> boots) {
        Duration dead = Duration.ZERO;
        Duration longest = Duration.ZERO;
        int toOs = 0;
        int missing = 0;
        for (BootRecord r : boots) {
            dead = dead.plus(r.deadInterfaceTime());
            if (r.outcome() == BootOutcome.OS_RUNNING) {
                toOs++;
            }
            if (r.memoryInitialized() && r.dimmsDetected() < r.dimmsInstalled()) {
                missing++;
            }
            Duration t = r.bootTime().orElse(Duration.ZERO);
            longest = t.compareTo(longest) > 0 ? t : longest;
        }
        String last =
                boots.isEmpty() ? "NONE" : boots.get(boots.size() - 1).outcome().name();
        return new HostResult(index, faults, boots.size(), toOs, last, dead, missing, longest);
    }
}
