package dev.bmcagent.rollout.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.reboot.PermitTopics;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import dev.bmcagent.mqtt.telemetry.MqttRebootPermits;
import dev.bmcagent.rollout.campaign.CampaignStatus;
import dev.bmcagent.rollout.mqtt.MqttCampaignService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bmc rollout start|pause|resume|abort|status} against a real Mosquitto, a campaign service and a stand-in
 * agent (the agent's MQTT client, answering update requests when the test says): the service reads what hosts run
 * from the agents' retained state documents (host3 is already on the target: skipped, never asked), a paused
 * campaign starts no wave, resume continues, a wave failing half its hosts halts it, abort ends it, status shows
 * it; a command over
 * the size limit and a campaign over the host limit are refused and change nothing.
 */
class CampaignCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Command(
            name = "rollout",
            subcommands = {
                CampaignCommands.Start.class,
                CampaignCommands.Pause.class,
                CampaignCommands.Resume.class,
                CampaignCommands.Abort.class,
                RolloutStatusCommand.class
            })
    static final class Root {}

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Root());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        assertEquals(0, cl.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void startPauseResumeHaltAbortAndStatusOverMosquitto() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                SystemScheduler scheduler = new SystemScheduler("campaign-cli-test");
                MqttRebootPermits agent =
                        new MqttRebootPermits(broker.uri(), "agent", h -> "rack0", scheduler, Duration.ofSeconds(1));
                MqttCampaignService service = new MqttCampaignService(broker.uri(), "c1", scheduler)) {
            agent.start();
            for (int i = 0; i < 6; i++) { // what the agents' telemetry retains: the inventory each holds
                String bios = i == 3 ? "2.0" : "1.0";
                String doc = "{\"hostId\":\"host" + i + "\",\"firmware\":{\"BIOS\":\"" + bios + "\",\"NIC0\":\"7\"}}";
                assertEquals(
                        0,
                        new ProcessBuilder(
                                        "mosquitto_pub",
                                        "-h",
                                        "127.0.0.1",
                                        "-p",
                                        Integer.toString(broker.port()),
                                        "-r",
                                        "-q",
                                        "1",
                                        "-t",
                                        "bmc/lab/bmc0/host" + i + "/state",
                                        "-m",
                                        doc)
                                .inheritIO()
                                .start()
                                .waitFor());
            }
            Queue<String> updates = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < 6; i++) {
                String h = "host" + i;
                agent.subscribe(PermitTopics.update(h), (t, body) -> updates.add(h));
            }
            service.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> service.versions().versions("host5").containsKey("BIOS"));
            String b = broker.uri();

            String out = cli(
                    "start",
                    "--broker",
                    b,
                    "--name",
                    "bios-2",
                    "--hosts",
                    "host0..host5",
                    "--target",
                    "BIOS=2.0",
                    "--canary",
                    "1",
                    "--growth",
                    "2",
                    "--max-wave",
                    "2",
                    "--halt-rate",
                    "0.2");
            assertTrue(out.contains("start sent for campaign bios-2"), out);
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.contains("host0"));
            cli("pause", "--broker", b, "--name", "bios-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> status(service) == CampaignStatus.PAUSED);
            answer(agent, "host0", true);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            service.campaign("bios-2").orElseThrow().state().succeeded() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> updates.size() == 1);

            cli("resume", "--broker", b, "--name", "bios-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.contains("host1") && updates.contains("host2"));
            answer(agent, "host1", true);
            answer(agent, "host2", true);
            // next wave: host3 is already on 2.0 per its state document (skipped, not asked): host4 and host5
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.contains("host4") && updates.contains("host5"));
            answer(agent, "host4", false);
            answer(agent, "host5", true);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(service) == CampaignStatus.HALTED);
            assertTrue(!updates.contains("host3"), updates.toString());

            cli("abort", "--broker", b, "--name", "bios-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> status(service) == CampaignStatus.ABORTED);
            String status = cli("status", "--broker", b);
            assertTrue(
                    status.contains("campaign bios-2")
                            && status.contains("ABORTED")
                            && status.contains("succeeded 4, failed 1, skipped 1"),
                    status);

            // limits: an oversize command and a campaign over the host limit change nothing
            byte[] huge = new byte[MqttCampaignService.MAX_COMMAND + 1];
            java.util.Arrays.fill(huge, (byte) ' ');
            assertTrue(agent.publish("bmc/rollout/campaign/huge/command", huge));
            StringBuilder big = new StringBuilder(
                    "{\"action\":\"start\",\"spec\":{\"targets\":{\"BIOS\":\"2.0\"}," + "\"hosts\":[");
            for (int i = 0; i <= MqttCampaignService.MAX_HOSTS; i++) {
                big.append(i == 0 ? "" : ",").append("\"h").append(i).append('"');
            }
            assertTrue(agent.publish(
                    "bmc/rollout/campaign/big/command",
                    big.append("]}}").toString().getBytes(StandardCharsets.UTF_8)));
            cli("start", "--broker", b, "--name", "after", "--hosts", "host5", "--target", "BIOS=2.0");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> service.campaign("after").isPresent());
            assertTrue(service.campaign("huge").isEmpty()
                    && service.campaign("big").isEmpty());
            System.out.print(status);
        }
    }

    @Test
    void theInventoryKeptFromTheAgentsStateDocumentsIsBounded() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                SystemScheduler scheduler = new SystemScheduler("inventory-limit-test");
                MqttCampaignService service =
                        new MqttCampaignService(broker.uri(), "c1", scheduler).withInventoryLimit(3)) {
            service.start();
            for (int i = 0; i < 5; i++) {
                publishState(broker, i, "1.0");
            }
            publishState(broker, 0, "2.0"); // a known host is still updated at the limit
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            "2.0".equals(service.versions().versions("host0").get("BIOS")));
            int known = 0;
            for (int i = 0; i < 5; i++) {
                known += service.versions().versions("host" + i).isEmpty() ? 0 : 1;
            }
            assertEquals(3, known);
        }
    }

    private static void publishState(MosquittoBroker broker, int host, String bios) throws Exception {
        String doc = "{\"hostId\":\"host" + host + "\",\"firmware\":{\"BIOS\":\"" + bios + "\"}}";
        assertEquals(
                0,
                new ProcessBuilder(
                                "mosquitto_pub",
                                "-h",
                                "127.0.0.1",
                                "-p",
                                Integer.toString(broker.port()),
                                "-q",
                                "1",
                                "-t",
                                "bmc/lab/bmc0/host" + host + "/state",
                                "-m",
                                doc)
                        .inheritIO()
                        .start()
                        .waitFor());
    }

    private static CampaignStatus status(MqttCampaignService s) {
        return s.campaign("bios-2").map(r -> r.state().status()).orElse(CampaignStatus.PENDING);
    }

    private static void answer(MqttRebootPermits agent, String host, boolean ok) throws Exception {
        ObjectNode o = JSON.createObjectNode()
                .put("schema", 1)
                .put("campaign", "bios-2")
                .put("hostId", host)
                .put("ok", ok)
                .put("detail", "");
        if (!ok) {
            o.put("failure", "WRONG_VERSION");
        }
        o.putObject("versions").put("BIOS", ok ? "2.0" : "1.0");
        assertTrue(agent.publish(PermitTopics.outcome(host), JSON.writeValueAsBytes(o)));
    }
}
