package dev.bmcagent.mqtt.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.reboot.DeadlineRebootPermits;
import dev.bmcagent.core.reboot.RebootAccounting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's permit path with nobody answering: first no broker at all (the client starts anyway and keeps
 * trying), then a real Mosquitto without any coordinator. Each time the agent's reboot waits at most the answer
 * deadline, is then held (rule HOLD: no reboot without a permit), and an alert is raised; with rule PROCEED it
 * reboots after the deadline. The requests reach the broker (a coordinator arriving later would see them).
 */
class UnreachableCoordinatorTest {
    @TempDir
    Path dir;

    @Test
    void noRebootWithoutAPermitAfterABoundedWaitAndAnAlert() throws Exception {
        int port = MosquittoBroker.freePort();
        List<PowerAction> performed = new CopyOnWriteArrayList<>();
        HostPowerPort backend = performed::add;
        List<String> alerts = new CopyOnWriteArrayList<>();
        try (SystemScheduler scheduler = new SystemScheduler("unreachable-test");
                MqttRebootPermits client = new MqttRebootPermits(
                        "tcp://127.0.0.1:" + port, "agent-rollout", h -> "rack1", scheduler, Duration.ofSeconds(1))) {
            client.start(); // nothing listens: does not throw, keeps trying
            RebootAccounting hold = new RebootAccounting(new DeadlineRebootPermits(
                    client, scheduler, Duration.ofSeconds(1), DeadlineRebootPermits.Fallback.HOLD, alerts::add));
            long t0 = System.nanoTime();
            hold.gate("host0", backend).performOwnReboot(PowerAction.WARM_RESET, "agent: HostReport");
            await().atMost(Duration.ofSeconds(5)).until(() -> hold.heldReboots() == 1);
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(900).toNanos(), "waited for the deadline");
            assertEquals(List.of(), performed, "HOLD: no reboot without a permit");
            assertEquals(1, alerts.size());
            assertTrue(alerts.get(0).startsWith("host0: coordinator did not answer within PT1S"), alerts.get(0));

            try (MosquittoBroker broker = MosquittoBroker.startOnPort(dir, port)) {
                await().atMost(Duration.ofSeconds(15)).until(client::connected);
                hold.gate("host1", backend).performOwnReboot(PowerAction.WARM_RESET, "agent: HostReport");
                await().atMost(Duration.ofSeconds(5)).until(() -> hold.heldReboots() == 2);
                assertEquals(List.of(), performed, "a broker without a coordinator grants nothing");
                RebootAccounting proceed = new RebootAccounting(new DeadlineRebootPermits(
                        client, scheduler, Duration.ofSeconds(1), DeadlineRebootPermits.Fallback.PROCEED, alerts::add));
                proceed.gate("host2", backend).performOwnReboot(PowerAction.WARM_RESET, "agent: HostReport");
                await().atMost(Duration.ofSeconds(5)).until(() -> performed.size() == 1);
                assertEquals(3, alerts.size(), alerts.toString());
                assertTrue(alerts.get(2).endsWith("rule PROCEED"), alerts.get(2));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> broker.log().contains("bmc/rollout/request/rack1/host1"));
            }
        }
    }
}
