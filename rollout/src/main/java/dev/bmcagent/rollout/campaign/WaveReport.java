package dev.bmcagent.rollout.campaign;

import java.time.Instant;
import java.util.Map;

/**
 * One wave's result.
 *
 * @param index     0 = canary
 * @param hosts     hosts started in the wave
 * @param succeeded hosts that ended on the targets with the declared order
 * @param failures  failures by rule
 * @param started   when the wave started
 * @param ended     when its last host finished
 * @param halted    whether this wave halted the campaign
 */
public record WaveReport(
        int index,
        int hosts,
        int succeeded,
        Map<HostOutcome.Failure, Integer> failures,
        Instant started,
        Instant ended,
        boolean halted) {
    public WaveReport {
        failures = Map.copyOf(failures);
    }

    public int failed() {
        return hosts - succeeded;
    }

    public double failureRate() {
        return hosts == 0 ? 0 : (double) failed() / hosts;
    }
}
