package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.progress.BootProgressState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's request (GET Systems/host0 over HTTPS, Basic auth) under wrk -t2 -c16 -d10s, in-process agent. */
class RedfishWrkIT {
    @TempDir
    Path dir;

    @Test
    void wrkGetsSystemHost0WithoutErrors() throws Exception {
        try (RedfishRig rig = new RedfishRig(dir)) {
            rig.powerOn();
            RedfishBootIT.firmware(rig);
            RedfishBootIT.rest(rig);
            await().until(() -> rig.node().state().progress().lastState() == BootProgressState.OSRunning);
            String auth =
                    Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PW).getBytes(StandardCharsets.US_ASCII));
            RedfishRig.run(List.of(
                    "wrk",
                    "-t2",
                    "-c16",
                    "-d3s",
                    "-H",
                    "Authorization: Basic " + auth,
                    rig.base() + "/redfish/v1/Systems/host0")); // warm-up (JIT, TLS), not measured
            System.out.println(
                    "load: " + RedfishRig.run(List.of("cat", "/proc/loadavg")).out());
            RedfishRig.Run wrk = RedfishRig.run(List.of(
                    "wrk",
                    "-t2",
                    "-c16",
                    "-d10s",
                    "--latency",
                    "-H",
                    "Authorization: Basic " + auth,
                    rig.base() + "/redfish/v1/Systems/host0"));
            System.out.println("wrk -t2 -c16 -d10s --latency GET /redfish/v1/Systems/host0:\n" + wrk.out());
            assertEquals(0, wrk.exit(), wrk.out());
            assertTrue(wrk.out().contains("Requests/sec"), wrk.out());
            assertFalse(wrk.out().contains("Non-2xx"), wrk.out());
        }
    }
}
