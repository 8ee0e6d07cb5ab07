package dev.bmcagent.rollout.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.reboot.RebootRequest;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import dev.bmcagent.mqtt.telemetry.MqttRebootPermits;
import dev.bmcagent.rollout.permit.PermitPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that never releases (it never came back) holds its permit only for the lease: the next host's repeated
 * request finds the slot free, and the expired grant's retained document is cleared (real Mosquitto, 2 instances).
 */
class LeaseExpiryOverMqttTest {
    @TempDir
    Path dir;

    @Test
    void anExpiredLeaseFreesTheSlotAndClearsItsDocument() throws Exception {
        PermitPolicy policy = new PermitPolicy(1, 100.0, 1, Duration.ofSeconds(2)); // one permit, 2 s lease
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                SystemScheduler scheduler = new SystemScheduler("lease-test");
                MqttPermitCoordinator c1 = new MqttPermitCoordinator(broker.uri(), "c1", policy, scheduler.clock());
                MqttPermitCoordinator c2 = new MqttPermitCoordinator(broker.uri(), "c2", policy, scheduler.clock());
                MqttRebootPermits agents =
                        new MqttRebootPermits(broker.uri(), "agents", h -> "rack0", scheduler, Duration.ofMillis(500));
                MqttCampaignStore watcher = new MqttCampaignStore(broker.uri(), "watcher")) {
            c1.start();
            c2.start();
            agents.start();
            List<String> answers = new CopyOnWriteArrayList<>();
            agents.request(new RebootRequest("host0", "firmware BIOS"), a -> answers.add("host0 " + a.verdict()));
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 1);
            agents.request(new RebootRequest("host1", "firmware BIOS"), a -> answers.add("host1 " + a.verdict()));
            // host0 never releases; after its 2 s lease host1's repeated request gets the permit
            await().atMost(Duration.ofSeconds(15)).until(() -> answers.size() == 2);
            assertEquals(List.of("host0 GRANTED", "host1 GRANTED"), answers);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> watcher.readRaw(RolloutTopics.grant("host0"), Duration.ofMillis(500))
                            .isEmpty());
        }
    }
}
