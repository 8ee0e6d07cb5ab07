package dev.bmcagent.rollout.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Waves, halt on the canary, resume where it stopped, deadlines, skipping hosts already on the targets. */
class CampaignRunnerTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, String> bios = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private final Set<String> silent = new HashSet<>();
    private final List<String> started = new ArrayList<>();
    private final List<CampaignState> states = new ArrayList<>();

    /** Each host takes 10 min; a failing host reports a boot-order alarm; a silent one never answers. */
    private final HostUpdater updater = (host, spec, done) -> {
        started.add(host);
        if (silent.contains(host)) {
            return;
        }
        clock.schedule(Duration.ofMinutes(10), () -> {
            if (failing.contains(host)) {
                done.accept(HostOutcome.failed(host, HostOutcome.Failure.BOOT_ORDER_ALARM, "injected"));
            } else {
                bios.put(host, "2.0");
                done.accept(HostOutcome.ok(host));
            }
        });
    };

    private CampaignRunner runner(int hosts) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            names.add("host" + i);
            bios.put("host" + i, "1.0");
        }
        CampaignSpec spec = new CampaignSpec(
                "c1", names, Map.of("BIOS", "2.0"), List.of(".*HTTPS IPv6.*"), 2, 2.0, 8, 0.25, Duration.ofMinutes(30));
        HostFirmwareVersions versions = h -> Map.of("BIOS", bios.get(h));
        Consumer<CampaignState> sink = states::add;
        return new CampaignRunner(spec, updater, versions, clock, sink);
    }

    @Test
    void wavesGrowFromTheCanaryToTheMaximumAndFinish() {
        CampaignRunner r = runner(30);
        r.start();
        assertEquals(2, started.size());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(2 + 4, started.size());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(2 + 4 + 8, started.size());
        clock.advance(Duration.ofMinutes(40));
        CampaignState s = r.state();
        assertEquals(CampaignStatus.DONE, s.status());
        assertEquals(30, s.succeeded());
        assertEquals(
                List.of(2, 4, 8, 8, 8),
                s.waves().stream().map(WaveReport::hosts).toList());
        assertEquals(30, started.size());
    }

    @Test
    void aCanaryAboveTheThresholdHaltsWithNoFurtherHostsAndResumeContinuesWhereItStopped() {
        CampaignRunner r = runner(20);
        failing.add("host0"); // 1 of 2 = 50 % > 25 %
        r.start();
        clock.advance(Duration.ofMinutes(10));
        assertEquals(CampaignStatus.HALTED, r.state().status());
        assertTrue(r.state().waves().get(0).halted());
        assertEquals(
                Map.of(HostOutcome.Failure.BOOT_ORDER_ALARM, 1),
                r.state().waves().get(0).failures());
        clock.advance(Duration.ofHours(5));
        assertEquals(List.of("host0", "host1"), started, "no host started after the halt");
        assertThrows(IllegalStateException.class, r::start);

        failing.clear(); // the operator cleared the cause
        r.resume();
        assertEquals(List.of("host0", "host1", "host2", "host3", "host4", "host5"), started);
        clock.advance(Duration.ofHours(2));
        CampaignState s = r.state();
        assertEquals(CampaignStatus.DONE, s.status());
        assertEquals(19, s.succeeded());
        assertEquals(1, s.failed());
        assertEquals(20, started.size(), "every host started exactly once");
        assertEquals(20, new HashSet<>(started).size());
    }

    @Test
    void aHostThatDoesNotAnswerFailsAtItsDeadline() {
        CampaignRunner r = runner(4);
        silent.add("host1");
        r.start();
        clock.advance(Duration.ofMinutes(29));
        assertEquals(CampaignStatus.RUNNING, r.state().status());
        clock.advance(Duration.ofMinutes(1));
        WaveReport canary = r.state().waves().get(0);
        assertEquals(Map.of(HostOutcome.Failure.DEADLINE, 1), canary.failures());
        assertEquals(CampaignStatus.HALTED, r.state().status());
    }

    @Test
    void hostsAlreadyOnTheTargetsAreSkippedWithoutAnUpdate() {
        CampaignRunner r = runner(6);
        bios.put("host0", "2.0");
        bios.put("host3", "2.0");
        r.start();
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of("host1", "host2", "host4", "host5"), started);
        assertEquals(2, r.state().skipped());
        assertEquals(CampaignStatus.DONE, r.state().status());
    }

    @Test
    void pauseLetsTheWaveFinishAndStartsNothingUntilResumed() {
        CampaignRunner r = runner(10);
        r.start();
        r.pause();
        clock.advance(Duration.ofHours(1));
        assertEquals(2, started.size());
        assertEquals(CampaignStatus.PAUSED, r.state().status());
        r.resume();
        assertEquals(6, started.size());
        r.abort();
        clock.advance(Duration.ofHours(1));
        assertEquals(6, started.size());
        assertEquals(CampaignStatus.ABORTED, r.state().status());
        assertEquals(6, r.state().succeeded());
    }
}
