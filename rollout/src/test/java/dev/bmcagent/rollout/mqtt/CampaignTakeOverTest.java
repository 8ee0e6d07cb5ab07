package dev.bmcagent.rollout.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import dev.bmcagent.rollout.campaign.CampaignRunner;
import dev.bmcagent.rollout.campaign.CampaignSpec;
import dev.bmcagent.rollout.campaign.CampaignState;
import dev.bmcagent.rollout.campaign.CampaignStatus;
import dev.bmcagent.rollout.campaign.HostFirmwareVersions;
import dev.bmcagent.rollout.campaign.HostOutcome;
import dev.bmcagent.rollout.campaign.HostUpdater;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaign state in retained MQTT documents (real Mosquitto): instance A runs the canary and dies with wave 1 half
 * done; instance B reads the retained state and takes over: finished waves are not re-run, wave 1 is re-run from
 * its first host (hosts A already finished are skipped: already on the targets), and the campaign completes.
 */
class CampaignTakeOverTest {
    @TempDir
    Path dir;

    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, String> bios = new HashMap<>();

    private HostUpdater updater(List<String> started, boolean[] dead) {
        return (host, spec, done) -> {
            started.add(host);
            int i = Integer.parseInt(host.substring(4));
            clock.schedule(Duration.ofMinutes(1 + i % 3), () -> {
                if (!dead[0]) {
                    bios.put(host, "2.0");
                    done.accept(HostOutcome.ok(host));
                }
            });
        };
    }

    @Test
    void anotherInstanceTakesOverFromTheRetainedState() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            names.add("host" + i);
            bios.put("host" + i, "1.0");
        }
        CampaignSpec spec = new CampaignSpec(
                "bios-2", names, Map.of("BIOS", "2.0"), List.of(), 2, 2.0, 8, 0.2, Duration.ofHours(1));
        HostFirmwareVersions versions = h -> Map.of("BIOS", bios.get(h));
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                MqttCampaignStore a = new MqttCampaignStore(broker.uri(), "campaign-a");
                MqttCampaignStore b = new MqttCampaignStore(broker.uri(), "campaign-b")) {
            List<String> startedA = new ArrayList<>();
            boolean[] deadA = {false};
            CampaignRunner runnerA = new CampaignRunner(spec, updater(startedA, deadA), versions, clock, st -> {
                if (!deadA[0]) { // a dead instance publishes nothing more (its timers live on in this JVM only)
                    a.publisher().accept(st);
                }
            });
            runnerA.start();
            clock.advance(Duration.ofMinutes(3)); // canary (host0, host1) done at t=2; wave 1 = host2..host5 started
            clock.advance(Duration.ofMinutes(1)); // t=4: host3 and host4 done, host2 and host5 still in flight
            assertEquals(List.of("host0", "host1", "host2", "host3", "host4", "host5"), startedA);
            deadA[0] = true; // instance A dies: its hosts' outcomes are never reported

            CampaignState state = b.read("bios-2", Duration.ofSeconds(10)).orElseThrow();
            assertEquals(CampaignStatus.RUNNING, state.status());
            assertEquals(1, state.wave());
            assertEquals(2, state.waveStart());
            assertEquals(6, state.nextHost());
            assertEquals(1, state.waves().size(), "the canary's report is in the document");

            List<String> startedB = new ArrayList<>();
            CampaignRunner runnerB = CampaignRunner.takeOver(
                    spec,
                    state,
                    updater(startedB, new boolean[] {false}),
                    versions,
                    clock,
                    s -> a.publisher().accept(s));
            clock.advance(Duration.ofHours(1));
            CampaignState end = runnerB.state();
            assertEquals(CampaignStatus.DONE, end.status());
            assertTrue(
                    startedB.stream().noneMatch(h -> h.equals("host0") || h.equals("host1")),
                    "the finished canary is not re-run: " + startedB);
            assertEquals(14, end.succeeded() + end.skipped(), "every host accounted for once: " + end);
            assertTrue(bios.values().stream().allMatch("2.0"::equals));
            assertEquals(end, b.read("bios-2", Duration.ofSeconds(10)).orElseThrow(), "the last document is the end");
        }
    }
}
