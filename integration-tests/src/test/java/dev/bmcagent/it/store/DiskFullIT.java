package dev.bmcagent.it.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bmcagent.it.store.AgentProcess.Run;
import dev.bmcagent.mqtt.telemetry.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 13 on a really full filesystem: the agent runs in its own mount namespace ({@code unshare -m}) with
 * its data directory on a 2 MiB tmpfs; the test fills it ({@code nsenter} into that namespace). Real clients see the
 * refusal: {@code ipmitool raw} Add SEL Entry answers C4h (out of space), {@code ipmitool sel info} shows overflow and
 * no free space, {@code curl} shows Managers/bmc and its SEL LogService {@code Status.Health} Critical with a
 * condition, {@code mosquitto_sub} receives the retained storage alert. After the filler is deleted the next SEL add
 * succeeds and everything is OK again. Failed on main: Add SEL Entry answered FFh (the record dropped with a log
 * line), Overflow false, Health OK. Skipped (with the reason) where a tmpfs cannot be mounted (not root).
 */
class DiskFullIT {
    /** Add SEL Entry (NetFn storage 0Ah, cmd 44h): a system event record, id and timestamp set by the BMC. */
    static final List<String> ADD_SEL = List.of(
            "raw", "0x0a", "0x44", "0x00", "0x00", "0x02", "0x00", "0x00", "0x00", "0x00", "0x41", "0x00", "0x04",
            "0x0f", "0x65", "0x6f", "0x02", "0x01", "0xff");

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsRefusedVisiblyOnIpmiRedfishAndMqttAndRecovers() throws Exception {
        assumeTrue(
                AgentProcess.canMountTmpfs(),
                "skipped: cannot mount a tmpfs in a private mount namespace (needs root / CAP_SYS_ADMIN)");
        Path data = Files.createDirectory(dir.resolve("data"));
        try (MosquittoBroker broker = MosquittoBroker.startForFleet(dir);
                AgentProcess agent = AgentProcess.start(dir, data, broker.uri(), "2m")) {
            Process sub = new ProcessBuilder(
                            "mosquitto_sub",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(broker.port()),
                            "-t",
                            "bmc/lab1/bmc7/alerts/storage",
                            "-v")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sub.log").toFile())
                    .start();
            try {
                Run ok = agent.ipmitool(ADD_SEL);
                assertEquals(0, ok.code(), ok.out());
                Run before = agent.ipmitool(List.of("sel", "info"));
                assertTrue(before.out().matches("(?s).*Overflow\\s*: false.*"), before.out());

                // fill the tmpfs from inside the agent's mount namespace (dd stops at ENOSPC)
                agent.inNamespace("dd", "if=/dev/zero", "of=" + data.resolve("filler"), "bs=4k");
                // appends may still fit in the journal's last page: add until the BMC refuses
                Run refused = null;
                for (int i = 0; i < 400 && refused == null; i++) {
                    Run r = agent.ipmitool(ADD_SEL);
                    if (r.code() != 0) {
                        refused = r;
                    }
                }
                assertTrue(refused != null, "no Add SEL Entry was refused on a full disk");
                System.out.println(
                        "Add SEL Entry on a full disk: " + refused.out().strip());
                assertTrue(refused.out().contains("rsp=0xc4"), refused.out());
                Run info = agent.ipmitool(List.of("sel", "info"));
                System.out.println("ipmitool sel info (full):\n" + info.out().strip());
                assertTrue(info.out().matches("(?s).*Overflow\\s*: true.*"), info.out());
                assertTrue(info.out().matches("(?s).*Free Space\\s*: 0 bytes.*"), info.out());
                Run manager = agent.curl("/redfish/v1/Managers/bmc");
                System.out.println("curl Managers/bmc (full): " + manager.out().strip());
                assertTrue(manager.out().contains("\"Health\":\"Critical\""), manager.out());
                assertTrue(manager.out().contains("InsufficientStorage"), manager.out());
                assertTrue(manager.out().contains("No space left on device"), manager.out());
                Run sel = agent.curl("/redfish/v1/Managers/bmc/LogServices/SEL");
                assertTrue(sel.out().contains("\"Health\":\"Critical\""), sel.out());
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> Files.readString(dir.resolve("sub.log")).contains("No space left on device"));
                System.out.println("mosquitto_sub: "
                        + Files.readString(dir.resolve("sub.log")).strip());

                agent.inNamespace("rm", data.resolve("filler").toString());
                Run again = agent.ipmitool(ADD_SEL);
                assertEquals(0, again.code(), "space is back: " + again.out());
                assertTrue(agent.curl("/redfish/v1/Managers/bmc").out().contains("\"Health\":\"OK\""));
                Run after = agent.ipmitool(List.of("sel", "info"));
                System.out.println(
                        "ipmitool sel info (space back):\n" + after.out().strip());
                assertTrue(
                        after.out().matches("(?s).*Overflow\\s*: true.*"),
                        "records were dropped: the overflow flag stays until Clear SEL: " + after.out());
            } finally {
                sub.destroy();
            }
        }
    }
}
