package dev.bmcagent.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20,000 idle TCP connections against the real agent's Redfish port (two client processes of 10,000 each, from the
 * loopback address 127.0.0.2, sending nothing or half a TLS record), held open while a legitimate client on
 * 127.0.0.1 uses Redfish (curl), IPMI (ipmitool) and the MQTT broker (mosquitto_sub). The connections come from
 * helper processes because one process may hold at most `ulimit -n` descriptors (20,000 on the CI machine): the test
 * JVM and the agent keep their own tables, and nothing needs a raised limit. Bounded: 20,000 connections opened within 60 s, then held for the checks.
 */
class SlowlorisIT {
    static final int PER_PROCESS = 10_000;

    @TempDir
    Path dir;

    @Test
    void twentyThousandIdleConnectionsLeaveRedfishIpmiAndMqttAnswering() throws Exception {
        Path script = dir.resolve("hold_connections.py");
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/hostile/hold_connections.py"))) {
            Files.write(script, in.readAllBytes());
        }
        try (AgentProcess agent = new AgentProcess(dir)) {
            long logBefore = agent.logBytes();
            List<Process> holders = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    holders.add(new ProcessBuilder(
                                    "python3",
                                    script.toString(),
                                    Integer.toString(PER_PROCESS),
                                    Integer.toString(agent.redfishPort),
                                    "127.0.0.2",
                                    "60")
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start());
                }
                long connected = 0;
                for (Process h : holders) {
                    String line = new BufferedReader(
                                    new InputStreamReader(h.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                    System.out.println("holder: " + line);
                    assertTrue(line != null && line.startsWith("opened "), String.valueOf(line));
                    connected += Long.parseLong(line.split(" ", -1)[3]);
                }

                String curl = run(List.of(
                        "curl",
                        "-sk",
                        "--max-time",
                        "10",
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{http_code}",
                        "-u",
                        "admin:" + AgentProcess.ADMIN_PASSWORD,
                        "https://127.0.0.1:" + agent.redfishPort + "/redfish/v1/Systems"));
                System.out.println("curl during the flood: " + curl);
                String ipmi = run(List.of(
                        "ipmitool",
                        "-I",
                        "lanplus",
                        "-H",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(agent.ipmiPort),
                        "-U",
                        "admin",
                        "-P",
                        AgentProcess.ADMIN_PASSWORD,
                        "-C",
                        "17",
                        "-N",
                        "2",
                        "-R",
                        "2",
                        "mc",
                        "info"));
                System.out.println("ipmitool mc info during the flood: "
                        + ipmi.lines().findFirst().orElse(""));
                // the demo broker lets only the agent publish: a read-only client reads the agent's retained status
                String mqtt = run(List.of(
                        "mosquitto_sub",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(agent.mqttPort),
                        "-t",
                        "bmc/+/+/status",
                        "-C",
                        "1",
                        "-W",
                        "10"));
                System.out.println("mosquitto_sub during the flood: exit " + mqtt);
                assertEquals("200", curl.strip());
                assertTrue(ipmi.contains("Device ID"), ipmi);
                assertEquals(
                        "exit 0", mqtt.lines().reduce((a, b) -> b).orElse("").strip());
                assertTrue(agent.alive());
                assertTrue(connected >= 2 * PER_PROCESS * 9 / 10, "connections established: " + connected);
                System.out.println("agent log lines about refusals: "
                        + agent.log()
                                .lines()
                                .filter(l -> l.contains("connection"))
                                .limit(8)
                                .toList());
                long growth = agent.logBytes() - logBefore;
                System.out.println("agent log growth during the flood: " + growth + " bytes");
                assertTrue(growth < 16 * 1024, "20,000 refused connections logged " + growth + " bytes");
            } finally {
                for (Process h : holders) {
                    h.getOutputStream().close();
                    if (!h.waitFor(10, TimeUnit.SECONDS)) {
                        h.destroyForcibly();
                    }
                }
            }
        }
    }

    /** Runs a client; its output, then "exit N" on the last line for tools without -w. */
    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), cmd.toString());
        return cmd.get(0).equals("curl") ? out : out + "\nexit " + p.exitValue();
    }
}
