package dev.bmcagent.it.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bmcagent.agent.telemetry.MosquittoBroker;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 13 on a really full filesystem: the agent runs in its own mount namespace ({@code unshare -m}) with
 * its data directory on a 2 MiB tmpfs; the test fills it ({@code nsenter} into that namespace). Real clients see the
 * refusal: {@code ipmitool raw} Add SEL Entry answers C4h (out of space), {@code ipmitool sel info} shows overflow and
 * no free space, {@code curl} shows Managers/bmc and its SEL LogService {@code Status.Health} Critical with a
 * condition, {@code mosquitto_sub} receives the retained storage alert. After the filler is deleted the next SEL add
 * succeeds and everything is OK again. Failed on main: records were dropped with only a log line, Overflow false,
 * Health OK. Skipped (with the reason) where mount namespaces or tmpfs mounts are not allowed (not root).
 */
class DiskFullIT {
    private static final String PASSWORD = "Disk-Full-1t";
    /** Add SEL Entry (NetFn storage 0Ah, cmd 44h): a system event record, id and timestamp set by the BMC. */
    private static final List<String> ADD_SEL = List.of("raw", "0x0a", "0x44", "0x00", "0x00", "0x02", "0x00", "0x00",
            "0x00", "0x00", "0x41", "0x00", "0x04", "0x0f", "0x65", "0x6f", "0x02", "0x01", "0xff");

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsRefusedVisiblyOnIpmiRedfishAndMqttAndRecovers() throws Exception {
        assumeTrue(run(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=64k tmpfs /mnt")).code == 0,
                "skipped: cannot mount a tmpfs in a private mount namespace (needs root / CAP_SYS_ADMIN)");
        Path data = Files.createDirectory(dir.resolve("data"));
        int ipmiPort = freeUdpPort();
        int redfishPort = MosquittoBroker.freePort();
        try (MosquittoBroker broker = MosquittoBroker.startForFleet(dir)) {
            Path config = dir.resolve("agent.yaml");
            Files.writeString(config, String.join("\n", "hosts: 1", "dataDir: " + data, "adminPassword: " + PASSWORD,
                    "ipmiPort: " + ipmiPort, "redfishPort: " + redfishPort, "hostPort: " + MosquittoBroker.freePort(),
                    "mqttPort: " + MosquittoBroker.freePort(), "mqtt:", "  brokerUrl: " + broker.uri(),
                    "  site: lab1", "  bmcId: bmc7", ""));
            Process agent = startAgentOnTmpfs(config, data, redfishPort);
            Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                    "-t", "bmc/lab1/bmc7/alerts/storage", "-v").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sub.log").toFile()).start();
            try {
                Run ok = ipmitool(ipmiPort, ADD_SEL);
                assertEquals(0, ok.code, ok.out);
                Run before = ipmitool(ipmiPort, List.of("sel", "info"));
                assertTrue(before.out.matches("(?s).*Overflow\\s*: false.*"), before.out);

                // fill the tmpfs from inside the agent's mount namespace (dd stops at ENOSPC)
                run(List.of("nsenter", "-t", Long.toString(agent.pid()), "-m", "--", "dd", "if=/dev/zero",
                        "of=" + data.resolve("filler"), "bs=4k"));
                // appends may still fit in the journal's last page: add until the BMC refuses
                Run refused = null;
                for (int i = 0; i < 400 && refused == null; i++) {
                    Run r = ipmitool(ipmiPort, ADD_SEL);
                    if (r.code != 0) {
                        refused = r;
                    }
                }
                assertTrue(refused != null, "no Add SEL Entry was refused on a full disk");
                System.out.println("Add SEL Entry on a full disk: " + refused.out.strip());
                assertTrue(refused.out.contains("rsp=0xc4"), refused.out);
                Run info = ipmitool(ipmiPort, List.of("sel", "info"));
                System.out.println("ipmitool sel info (full):\n" + info.out.strip());
                assertTrue(info.out.matches("(?s).*Overflow\\s*: true.*"), info.out);
                assertTrue(info.out.matches("(?s).*Free Space\\s*: 0 bytes.*"), info.out);
                Run manager = curl(redfishPort, "/redfish/v1/Managers/bmc");
                System.out.println("curl Managers/bmc (full): " + manager.out.strip());
                assertTrue(manager.out.contains("\"Health\":\"Critical\""), manager.out);
                assertTrue(manager.out.contains("InsufficientStorage"), manager.out);
                assertTrue(manager.out.contains("No space left on device"), manager.out);
                Run sel = curl(redfishPort, "/redfish/v1/Managers/bmc/LogServices/SEL");
                assertTrue(sel.out.contains("\"Health\":\"Critical\""), sel.out);
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(dir.resolve("sub.log"))
                        .contains("No space left on device"));
                System.out.println("mosquitto_sub: " + Files.readString(dir.resolve("sub.log")).strip());

                run(List.of("nsenter", "-t", Long.toString(agent.pid()), "-m", "--", "rm", data.resolve("filler")
                        .toString()));
                Run again = ipmitool(ipmiPort, ADD_SEL);
                assertEquals(0, again.code, "space is back: " + again.out);
                assertTrue(curl(redfishPort, "/redfish/v1/Managers/bmc").out.contains("\"Health\":\"OK\""));
                Run after = ipmitool(ipmiPort, List.of("sel", "info"));
                System.out.println("ipmitool sel info (space back):\n" + after.out.strip());
                assertTrue(after.out.matches("(?s).*Overflow\\s*: true.*"),
                        "records were dropped: the overflow flag stays until Clear SEL: " + after.out);
            } finally {
                sub.destroy();
                agent.destroy();
                agent.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code unshare -m} + {@code mount -t tmpfs} over {@code data} + exec the agent (same pid, own namespace). */
    private Process startAgentOnTmpfs(Path config, Path data, int readyPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=2m,mode=0700 tmpfs \"$0\" && exec \"$@\"", data.toString(),
                java, "-cp", System.getProperty("java.class.path"), "dev.bmcagent.agent.cli.Main", "agent",
                "--config", config.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.log").toFile())).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!p.isAlive()) {
                throw new AssertionError("agent exited: " + log());
            }
            return accepts(readyPort);
        });
        return p;
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("agent.log"));
    }

    private Run ipmitool(int port, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-H", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "admin", "-P", PASSWORD, "-R", "2", "-N", "3"));
        cmd.addAll(args);
        return run(cmd);
    }

    private static Run curl(int port, String path) throws Exception {
        return run(List.of("curl", "-sk", "-u", "admin:" + PASSWORD, "https://127.0.0.1:" + port + path));
    }

    private record Run(int code, String out) {
    }

    private static Run run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
