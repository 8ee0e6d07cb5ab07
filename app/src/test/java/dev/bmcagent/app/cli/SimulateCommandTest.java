package dev.bmcagent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bmc simulate} through the real command tree: summary on stdout, progress on stderr, JSON and HTML. */
class SimulateCommandTest {

    @Test
    void printsTheSummaryAndWritesJsonAndHtml(@TempDir Path dir) throws Exception {
        CliEnvironment env = new CliEnvironment(Map.of(), dir, dir, new SecureRandom(), ShutdownWaiter.jvm());
        CommandLine cl = Main.commandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute(
                "simulate", "--hosts", "4", "--scenario", "reboot", "--nics", "2", "--seed", "3", "--out", "sim");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("scenario reboot: 4 hosts, seed 3"), out.toString());
        assertTrue(out.toString().contains("agent and hosts agree              yes"), out.toString());
        assertTrue(err.toString().contains("progress: 4/4 hosts done"), err.toString());
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("sim/summary.json").toFile());
        assertEquals(4, json.get("finishedHosts").asInt());
        assertEquals(4, json.get("bootTimeSeconds").get("count").asInt());
        assertEquals(600.0, json.get("deadInterfaceSeconds").get("perBoot").asDouble(), "2 × HTTPS IPv4 at 300 s");
        assertTrue(json.get("agentAndHostsAgree").asBoolean());
        String html = Files.readString(dir.resolve("sim/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg") && html.contains("Boot timeline of host 0") && html.contains("HTTP v4"));
        assertTrue(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"), "self-contained");
    }

    /** Issue #13 items 14 and 16: faults in fleet mode; every run flag and per-host results in summary.json. */
    @Test
    void faultsAndEveryRunFlagAreRecordedWithPerHostResults(@TempDir Path dir) throws Exception {
        CliEnvironment env = new CliEnvironment(Map.of(), dir, dir, new SecureRandom(), ShutdownWaiter.jvm());
        CommandLine cl = Main.commandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        // cold-boot measures the first boot, where counted faults (dead-nics) land; dimm-lost shows from the second
        int code = cl.execute(
                "simulate",
                "--hosts",
                "3",
                "--scenario",
                "cold-boot",
                "--nics",
                "1",
                "--seed",
                "3",
                "--bios-update",
                "reset",
                "--fault",
                "host1:dead-nics=4",
                "--fault",
                "host2:dimm-lost",
                "--report-host",
                "1",
                "--no-progress",
                "--out",
                "sim");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("nics 1, bios-update reset"), out.toString());
        assertTrue(out.toString().contains("faults: host1:dead-nics=4 host2:dimm-lost=1"), out.toString());
        assertTrue(out.toString().contains("host1 (host1:dead-nics=4):"), out.toString());
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("sim/summary.json").toFile());
        JsonNode settings = json.get("settings");
        assertEquals(1, settings.get("nics").asInt());
        assertEquals("reset", settings.get("biosUpdate").asText());
        assertEquals("host1:dead-nics=4", settings.get("faults").get(0).asText());
        assertEquals(1, settings.get("reportHost").asInt());
        JsonNode hosts = json.get("hostResults");
        assertEquals(3, hosts.size());
        assertTrue(
                hosts.get(1).get("deadInterfaceSeconds").asDouble()
                        >= hosts.get(0).get("deadInterfaceSeconds").asDouble() + 900,
                hosts.toString());
        String html = Files.readString(dir.resolve("sim/report.html"), StandardCharsets.UTF_8);
        assertTrue(
                html.contains("Boot timeline of host 1")
                        && html.contains("Hosts with faults")
                        && html.contains("faults host1:dead-nics=4")
                        && html.contains("alert slow-boot"),
                html);

        assertEquals(
                0,
                cl.execute(
                        "simulate",
                        "--hosts",
                        "3",
                        "--scenario",
                        "reboot",
                        "--seed",
                        "3",
                        "--fault",
                        "host2:dimm-lost",
                        "--report-host",
                        "2",
                        "--no-progress",
                        "--out",
                        "sim2"),
                err.toString());
        hosts = new ObjectMapper()
                .readTree(dir.resolve("sim2/summary.json").toFile())
                .get("hostResults");
        assertEquals(0, hosts.get(0).get("bootsWithMissingDimms").asInt(), hosts.toString());
        assertEquals(1, hosts.get(2).get("bootsWithMissingDimms").asInt(), hosts.toString());
        html = Files.readString(dir.resolve("sim2/report.html"), StandardCharsets.UTF_8);
        assertTrue(
                html.contains("Boot timeline of host 2")
                        && html.contains("7 of 8 DIMMs")
                        && html.contains("alert missing-memory"),
                html);
    }

    /** Issue #13 item 16: the seeds' HTTPS/iPXE list as a profile; the agents count what the hosts did. */
    @Test
    void vendorIpxeProfileLosesHttpsAndIpxeTimeAndTheSidesAgree(@TempDir Path dir) throws Exception {
        CliEnvironment env = new CliEnvironment(Map.of(), dir, dir, new SecureRandom(), ShutdownWaiter.jvm());
        CommandLine cl = Main.commandLine(env);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(
                0,
                cl.execute(
                        "simulate",
                        "--hosts",
                        "2",
                        "--scenario",
                        "cold-boot",
                        "--profile",
                        "vendor-ipxe",
                        "--no-progress",
                        "--out",
                        "sim"),
                err.toString());
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("sim/summary.json").toFile());
        assertEquals("vendor-ipxe", json.get("settings").get("profile").asText());
        assertEquals(
                315.0, json.get("deadInterfaceSeconds").get("perBoot").asDouble(), "HTTPS v4 300 s + iPXE v4 15 s");
        assertTrue(json.get("agentAndHostsAgree").asBoolean());
        String html = Files.readString(dir.resolve("sim/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("UEFI: iPXE IPv4"), "the iPXE attempt is on the timeline");
    }

    @Test
    void aBadFaultIsAUsageError(@TempDir Path dir) {
        CliEnvironment env = new CliEnvironment(Map.of(), dir, dir, new SecureRandom(), ShutdownWaiter.jvm());
        CommandLine cl = Main.commandLine(env);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("simulate", "--hosts", "1", "--fault", "host0:dead-nic=4", "--out", "sim"));
        assertTrue(err.toString().contains("unknown fault 'dead-nic'"), err.toString());
    }
}
