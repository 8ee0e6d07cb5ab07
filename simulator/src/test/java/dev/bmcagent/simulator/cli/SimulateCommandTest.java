package dev.bmcagent.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.cli.CliEnvironment;
import dev.bmcagent.agent.cli.Main;
import dev.bmcagent.agent.cli.ShutdownWaiter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bmc simulate} through the real command tree: summary on stdout, progress on stderr, JSON and HTML. */
class SimulateCommandTest {

    @Test
    void printsTheSummaryAndWritesJsonAndHtml(@TempDir Path dir) throws Exception {
        CliEnvironment env = new CliEnvironment(Map.of(), dir, dir, new SecureRandom(), ShutdownWaiter.jvm());
        CommandLine cl = Main.commandLine(env, List.of(new SimulatorCommands()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("simulate", "--hosts", "4", "--scenario", "reboot", "--nics", "2", "--seed", "3",
                "--out", "sim");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("scenario reboot: 4 hosts, seed 3"), out.toString());
        assertTrue(out.toString().contains("agent and hosts agree              yes"), out.toString());
        assertTrue(err.toString().contains("progress: 4/4 hosts done"), err.toString());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("sim/summary.json").toFile());
        assertEquals(4, json.get("finishedHosts").asInt());
        assertEquals(4, json.get("bootTimeSeconds").get("count").asInt());
        assertEquals(600.0, json.get("deadInterfaceSeconds").get("perBoot").asDouble(), "2 × HTTPS IPv4 at 300 s");
        assertTrue(json.get("agentAndHostsAgree").asBoolean());
        String html = Files.readString(dir.resolve("sim/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg") && html.contains("Boot timeline of host 0") && html.contains("HTTP v4"));
        assertTrue(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"), "self-contained");
    }
}
