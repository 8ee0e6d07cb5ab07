package dev.bmcagent.rollout.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a campaign rolls out and how carefully.
 *
 * @param name             campaign name (the key of its retained state)
 * @param hosts            the group in scope, in rollout order
 * @param targets          component → target version (e.g. BIOS → 2.4.1)
 * @param bootOrder        boot-order patterns every host must end with (empty: keep the order)
 * @param canary           hosts in the first wave
 * @param growth           each later wave is this many times the previous one
 * @param maxWave          no wave is larger than this
 * @param haltFailureRate  a wave whose failed fraction is above this halts the campaign (e.g. 0.2)
 * @param hostDeadline     a host that has not finished (reached the OS on the targets) within this time fails
 */
public record CampaignSpec(
        String name,
        List<String> hosts,
        Map<String, String> targets,
        List<String> bootOrder,
        int canary,
        double growth,
        int maxWave,
        double haltFailureRate,
        Duration hostDeadline) {
    public CampaignSpec {
        Objects.requireNonNull(name, "name");
        hosts = List.copyOf(hosts);
        targets = Map.copyOf(targets);
        bootOrder = List.copyOf(bootOrder);
        Objects.requireNonNull(hostDeadline, "hostDeadline");
        if (canary < 1 || maxWave < canary) {
            throw new IllegalArgumentException("need 1 <= canary <= maxWave: " + canary + ", " + maxWave);
        }
        if (!(growth >= 1.0)) {
            throw new IllegalArgumentException("growth must be >= 1: " + growth);
        }
        if (!(haltFailureRate >= 0 && haltFailureRate < 1)) {
            throw new IllegalArgumentException("haltFailureRate must be in [0, 1): " + haltFailureRate);
        }
        if (hostDeadline.isZero() || hostDeadline.isNegative()) {
            throw new IllegalArgumentException("hostDeadline must be positive");
        }
    }

    /** Size of wave {@code index} (0 = canary): canary × growth^index, at most maxWave. */
    public int waveSize(int index) {
        double size = canary * Math.pow(growth, index);
        return (int) Math.min(maxWave, Math.max(1, Math.round(size)));
    }
}
