package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.live.LiveSimulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated host (LiveSimulation over the VM link) boots; Redfish clients follow it and re-order its boot. */
class RedfishLiveSimulationIT {
    static final String SYS = "/redfish/v1/Systems/host0";

    @TempDir
    Path dir;

    RedfishRig rig;
    LiveSimulation sim;

    @BeforeEach
    void start() throws Exception {
        rig = new RedfishRig(dir);
        sim = LiveSimulation.start(
                new LiveSimulation.Options(
                        1,
                        rig.runtime.hostInterfaceAddress(0).getPort(),
                        600,
                        Duration.ofMinutes(30),
                        Duration.ZERO,
                        0,
                        1,
                        HostConfig.builder().nics(4).build()),
                rig.clientScheduler);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        rig.close();
    }

    private long decisions(LifecycleEvent.ReconcileDecision d) {
        return rig.history.read("host0", 1, 100_000).stream()
                .filter(e -> e.event() instanceof LifecycleEvent.ReconcileDecided r && r.decision() == d)
                .count();
    }

    @Test
    void redfishFollowsASimulatedBootAndItsBootOrderPatchIsEnforced() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rig.get(SYS).at("/BootProgress/LastState").asText().equals("OSRunning"));
        JsonNode up = rig.get(SYS);
        assertTrue(up.at("/BootProgress/LastBootTimeSeconds").asDouble() > 0, up::toString);
        // the live host keeps rebooting, so compare with its configuration (no gating collisions: all DIMMs found)
        var host = sim.hosts().get(0).config();
        assertEquals(
                (double) host.dimms() * host.dimmGiB(),
                up.at("/MemorySummary/TotalSystemMemoryGiB").asDouble());
        RedfishRig.Run tool = RedfishRig.run(List.of(
                "redfishtool",
                "-r",
                "127.0.0.1:" + rig.redfish.port(),
                "-u",
                ADMIN,
                "-p",
                ADMIN_PW,
                "-S",
                "Always",
                "Systems",
                "-I",
                "host0"));
        assertEquals(0, tool.exit(), tool.out());
        assertTrue(tool.out().contains("\"LastState\": \"OSRunning\""), tool.out());

        JsonNode options = rig.get(SYS + "/BootOptions");
        List<String> refs = new ArrayList<>();
        options.get("Members").forEach(m -> refs.add(m.get("@odata.id").asText().replaceAll(".*/", "")));
        System.out.println("simulated host's boot options: " + refs + " order " + up.at("/Boot/BootOrder"));
        assertEquals(17, refs.size(), "4 NICs x (HTTPS, PXE) x (IPv4, IPv6) and the disk: " + options);
        // every option, reversed: the host reports them all (30h/11h in chunks) and reads the declared order of one
        // exact-match pattern per option back in as many 30h/12h chunks as it takes
        List<String> reversed = new ArrayList<>(refs);
        java.util.Collections.reverse(reversed);
        String body = "{\"Boot\":{\"BootOrder\":" + RedfishRig.JSON.valueToTree(reversed) + "}}";
        assertEquals(200, rig.curl(ADMIN, ADMIN_PW, "PATCH", SYS, body).status());
        long okBefore = decisions(LifecycleEvent.ReconcileDecision.OK);
        assertEquals(
                204,
                rig.curl(
                                ADMIN,
                                ADMIN_PW,
                                "POST",
                                SYS + "/Actions/ComputerSystem.Reset",
                                "{\"ResetType\":\"ForceRestart\"}")
                        .status());
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> decisions(LifecycleEvent.ReconcileDecision.OK) > okBefore);
        } finally {
            rig.history.read("host0", 1, 100_000).stream()
                    .filter(e -> e.event() instanceof LifecycleEvent.ReconcileDecided)
                    .limit(6)
                    .forEach(e -> System.out.println("decision: " + e.event()));
            System.out.println("okBefore " + okBefore + " pending "
                    + rig.node().pendingBootOrder().current() + " reported "
                    + rig.node().state().reported().bootOrder());
        }
        JsonNode after = rig.get(SYS);
        System.out.println("after reboot: BootOrder " + after.at("/Boot/BootOrder") + ", BootProgress "
                + after.get("BootProgress"));
        List<String> shown = new ArrayList<>();
        after.at("/Boot/BootOrder").forEach(n -> shown.add(n.asText()));
        assertEquals(reversed, shown, "the host's whole boot order is the declared one");
        List<String> wanted = new ArrayList<>();
        reversed.forEach(ref -> wanted.add(
                rig.get(SYS + "/BootOptions/" + ref).get("DisplayName").asText()));
        assertEquals(wanted, rig.node().state().reported().bootOrder(), "what the host itself last reported");
    }
}
