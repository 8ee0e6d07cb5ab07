package dev.bmcagent.rollout.campaign;

import java.util.List;
import java.util.Objects;

/**
 * A campaign's progress: what the retained state document holds, so any coordinator instance can take over.
 *
 * @param name      the campaign
 * @param status    where it is
 * @param waveStart index into the spec's hosts of the first host of the wave in flight (= nextHost between waves):
 *                  an instance taking over re-runs from here (an update is idempotent: components already on
 *                  their targets are not flashed again, hosts already on every target are skipped)
 * @param nextHost  index into the spec's hosts of the next host to start (hosts before it were started)
 * @param wave      index of the wave in flight or, between waves, of the next one
 * @param succeeded hosts finished on the targets
 * @param failed    hosts that failed
 * @param skipped   hosts already on the targets when their wave came (nothing to do, no reboot)
 * @param skippedInWave of {@code skipped}, those skipped when the wave in flight was formed (0 between waves)
 * @param waves     finished waves
 */
public record CampaignState(
        String name,
        CampaignStatus status,
        int waveStart,
        int nextHost,
        int wave,
        int succeeded,
        int failed,
        int skipped,
        int skippedInWave,
        List<WaveReport> waves) {
    public CampaignState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        waves = List.copyOf(waves);
    }
}
