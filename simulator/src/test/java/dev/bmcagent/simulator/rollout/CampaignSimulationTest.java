package dev.bmcagent.simulator.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.host.Hosts;
import dev.bmcagent.rollout.campaign.CampaignStatus;
import dev.bmcagent.rollout.campaign.HostOutcome;
import dev.bmcagent.rollout.campaign.WaveReport;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rollout module's coordinator and campaign driving simulated hosts (real agent cores) on the virtual clock:
 * the cadence holds at every instant, every host ends on the targets with the declared order; a failing canary
 * halts the campaign with no further reboot, and resume continues where it stopped.
 */
class CampaignSimulationTest {

    @Test
    void coordinatedCampaignKeepsTheCadenceAndEndsEveryHostOnTheTargetsWithTheOrder() {
        CampaignSettings s = CampaignSettings.defaults(200, true); // 5 % of 200 = 10 permits; racks of 40, 8 each
        CampaignResult r = CampaignSimulation.run(s, () -> 0L);
        assertEquals(CampaignStatus.DONE, r.status(), r.summary());
        assertEquals(10, r.fleetCap());
        assertTrue(r.peakInFlight() <= 10, r.summary());
        assertTrue(r.peakInFlight() >= 8, "the cadence is used, not starved: " + r.summary());
        assertEquals(200, r.succeeded(), r.summary());
        assertEquals(200, r.onTargetsAndOrder(), r.summary());
        assertEquals(0, r.permitsExpired(), r.summary());
        // BIOS, BMC, NIC, and the agent's two re-apply resets (after the BIOS reset, after the NIC re-creates
        // the network options)
        assertEquals(5, r.rebootsMin(), r.summary());

        CampaignResult storm = CampaignSimulation.run(s.withCoordinated(false), () -> 0L);
        assertEquals(200, storm.onTargetsAndOrder(), storm.summary());
        assertTrue(storm.peakInFlight() > 100, "uncoordinated: the storm the issue describes: " + storm.summary());
        assertTrue(storm.totalTime().compareTo(r.totalTime()) < 0);
    }

    @Test
    void failingCanaryHaltsWithNoFurtherRebootsAndResumeContinuesWhereItStopped() {
        // canary = 20 hosts (rollout order host0, host40, host80, ...); 8 of them lose boot-order writes: 40 % > 20 %
        CampaignSettings s =
                CampaignSettings.defaults(200, true).withFailingHosts(Set.of(0, 40, 80, 120, 160, 1, 41, 81));
        CampaignSimulation sim = new CampaignSimulation(s);
        sim.bringUp();
        sim.startCampaign();
        sim.runUntilSettled(Duration.ofHours(12));
        assertEquals(CampaignStatus.HALTED, sim.runner().state().status());
        WaveReport canary = sim.runner().state().waves().get(0);
        assertTrue(canary.halted());
        assertEquals(20, canary.hosts());
        assertEquals(8, canary.failures().get(HostOutcome.Failure.BOOT_ORDER_ALARM));
        int changesAtHalt = sim.tracker().changes().size();
        long grantedAtHalt = sim.coordinator().granted();

        sim.runFor(Duration.ofHours(6));
        assertEquals(changesAtHalt, sim.tracker().changes().size(), "no reboot after the halt");
        assertEquals(grantedAtHalt, sim.coordinator().granted(), "no permit after the halt");
        assertEquals(-1, sim.runner().waveOf(Hosts.hostId(4)), "host4 (first of wave 1) not started");

        sim.clearFailures();
        sim.runner().resume();
        sim.runUntilSettled(Duration.ofHours(24));
        CampaignResult r = sim.result(Duration.ZERO);
        assertEquals(CampaignStatus.DONE, r.status(), r.summary());
        assertEquals(192, r.succeeded());
        assertEquals(8, r.failed());
        assertEquals(200, r.started(), "every host started exactly once");
        assertEquals(1, sim.runner().waveOf(Hosts.hostId(4)), "resume started with the next wave");
        assertTrue(r.peakInFlight() <= 10, r.summary());
    }

    @Test
    void rebootsTheHostsDoOnTheirOwnAreNeverBlockedOnlyCounted() {
        CampaignSimulation sim = new CampaignSimulation(CampaignSettings.defaults(200, true));
        sim.bringUp();
        sim.startCampaign();
        sim.runFor(Duration.ofMinutes(10)); // the canary holds permits; host39, host79, ... (last in order) wait
        int[] panicking = {39, 79, 119, 159, 199};
        for (int i : panicking) {
            sim.hosts().get(i).nmi(); // kernel panic: the host reboots by itself
        }
        sim.runFor(Duration.ofMinutes(20));
        for (int i : panicking) {
            assertEquals(-1, sim.runner().waveOf(Hosts.hostId(i)), "not started by the campaign yet");
            assertEquals(
                    2,
                    sim.hosts().get(i).boots().stream()
                            .filter(r -> r.osRunning().isPresent())
                            .count(),
                    "host" + i + " reached its OS twice: after power-on and after its own panic reboot");
        }
        assertEquals(5, sim.coordinator().observedReboots());
        sim.runUntilSettled(Duration.ofHours(24));
        assertEquals(CampaignStatus.DONE, sim.runner().state().status());
    }
}
