package dev.bmcagent.rollout.campaign;

import java.util.function.Consumer;

/**
 * Carries out one host's update: stage each component not on its target, reboot into it (each reboot under a
 * permit), declare the boot order, and report the outcome once the host runs its OS again or fails. The simulator
 * implements it over simulated hosts; the daemon over the agent's host. {@code done} is called at most once; the
 * campaign also fails a host that does not answer within {@link CampaignSpec#hostDeadline()}.
 */
@FunctionalInterface
public interface HostUpdater {
    void update(String hostId, CampaignSpec spec, Consumer<HostOutcome> done);
}
