package dev.bmcagent.simulator.netboot;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One boot option attempt during a POST.
 *
 * @param option  what was tried
 * @param outcome what happened
 * @param start   when the attempt began (virtual time)
 * @param cost    how long it took
 */
public record BootAttempt(BootOption option, Reachability outcome, Instant start, Duration cost) {
    public BootAttempt {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(cost, "cost");
    }

    public boolean succeeded() {
        return outcome == Reachability.BOOTS;
    }

    /** Time lost to a dead network interface (zero for successes and disks). */
    public Duration deadInterfaceTime() {
        return succeeded() || !option.isNetwork() ? Duration.ZERO : cost;
    }
}
