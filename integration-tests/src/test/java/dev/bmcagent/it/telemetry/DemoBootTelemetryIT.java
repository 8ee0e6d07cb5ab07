package dev.bmcagent.it.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.AgentAssembly;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.app.demo.DemoWorld;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.it.ipmi.ClientRun;
import dev.bmcagent.journal.StoreKind;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo at time scale 60, read as an operator would with curl: each dead network-boot interface of the vendor
 * profile costs about 300 simulated seconds in Redfish BootHistory (it was 0: the agent took the duration from the
 * firmware, which never gives one, and measured on the wall clock), and the boot that lost them is slow-boot, which
 * the ComputerSystem shows as Status.Health Warning.
 */
class DemoBootTelemetryIT {
    private static final String PASSWORD = "Demo-Telemetry1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final SystemScheduler scheduler = new SystemScheduler("demo-telemetry-it");
    private AgentAssembly agent;

    @BeforeEach
    void start() throws Exception {
        PartialConfig demo = PartialConfig.builder()
                .hosts(1)
                .adminPassword(PASSWORD)
                .timeScale(60.0)
                .store(StoreKind.MEMORY)
                .build();
        agent = DemoWorld.start(demo.overriddenBy(FreePorts.partial()).resolve(dir), scheduler, new SecureRandom());
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        scheduler.close();
    }

    @Test
    void everyDeadInterfaceCostsAboutFiveSimulatedMinutesAndTheBootIsSlow() {
        String base = "https://127.0.0.1:" + agent.config().redfishPort() + "/redfish/v1/Systems/host0";
        List<long[]> lost = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> secondsLost(get(base + "/LogServices/BootHistory/Entries?$expand=.")), l -> !l.isEmpty());
        for (long[] s : lost) {
            // the demo's boot list (#13 item 16): HTTPS on the vendor stack ~300 s, chainloaded iPXE its own 15 s
            boolean ipxe = s[1] == 1;
            assertTrue(
                    ipxe ? s[0] >= 12 && s[0] <= 18 : s[0] >= 270 && s[0] <= 330,
                    "each dead HTTPS interface ~300 s of simulated time (not 0 or 5), iPXE ~15 s: " + s[0]);
        }
        JsonNode system = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get(base),
                        n -> n.path("Status").path("Health").asText().equals("Warning"));
        assertEquals("Warning", system.path("Status").path("Health").asText(), "slow-boot active: " + system);
    }

    /** Every network-boot attempt's {SecondsLost, 1 if iPXE else 0}. */
    private static List<long[]> secondsLost(JsonNode entries) {
        List<long[]> out = new ArrayList<>();
        for (JsonNode e : entries.path("Members")) {
            for (JsonNode a : e.path("Oem").path("BmcAgent").path("NetworkBootAttempts")) {
                if (a.path("InterfaceIndex").isInt()) {
                    out.add(new long[] {
                        a.path("SecondsLost").asLong(),
                        a.path("Interface").asText().contains("iPXE") ? 1 : 0
                    });
                }
            }
        }
        return out;
    }

    private static JsonNode get(String url) throws Exception {
        ClientRun r = ClientRun.of(List.of("curl", "-sk", "-u", "admin:" + PASSWORD, url));
        assertEquals(0, r.exit(), r.output());
        return JSON.readTree(r.output());
    }
}
