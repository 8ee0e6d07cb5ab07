package dev.bmcagent.agent.redfishport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.runtime.BmcRuntime;
import dev.bmcagent.agent.runtime.RuntimeOptions;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Role;
import dev.bmcagent.journal.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembly's one line, from a real AgentConfig and disk stores; boot history survives an agent restart. */
class RedfishServiceAssemblyTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "Assembly-Pw-42";

    @TempDir
    Path dir;

    @Test
    void startFromConfigAndSeedBootHistoryFromTheEventLog() throws Exception {
        AgentConfig config = FreePorts.partial().resolve(dir);
        int ipmiPort = config.ipmiPort();
        int redfishPort = config.redfishPort();
        SecureRandom random = new SecureRandom();
        try (SystemScheduler scheduler = new SystemScheduler("redfish-assembly");
                Stores stores = Stores.onDisk(
                        dir, Stores.DEFAULT_HISTORY_PER_HOST, JournalOptions.processCrashSafe(), random)) {
            stores.accounts()
                    .put(Account.of(USER, PASSWORD, Role.ADMINISTRATOR))
                    .join();
            try (BmcRuntime runtime = BmcRuntime.builder(RuntimeOptions.from(config), stores)
                            .start(scheduler, random);
                    RedfishService redfish =
                            RedfishService.start(RedfishService.options(config), runtime, stores, scheduler.clock());
                    HostInterfaceClient host = new HostInterfaceClient(scheduler, VmCapabilities.QEMU, c -> {})) {
                assertEquals(redfishPort, redfish.port());
                host.connect(runtime.hostInterfaceAddress(0));
                await().until(() -> runtime.node(0).state().powerOn());
                send(host, 0x06, 0x06, "8282"); // Set ACPI: S2, D2
                send(host, 0x06, 0x06, "8080"); // Set ACPI: S0, D0
                send(host, 0x04, 0x02, "01041F076F06FFFF"); // PEM: OS boot completed
                await().until(() -> runtime.node(0).state().progress().lastState() == BootProgressState.OSRunning);
                assertEquals(
                        "OSRunning",
                        get(redfishPort, "/redfish/v1/Systems/host0")
                                .at("/BootProgress/LastState")
                                .asText());
                assertEquals(
                        ipmiPort,
                        get(redfishPort, "/redfish/v1/Managers/bmc/NetworkProtocol")
                                .at("/IPMI/Port")
                                .asInt());
            }
            // the agent restarts on the same stores: cycle 1 comes back from the durable event log
            try (BmcRuntime runtime = BmcRuntime.builder(RuntimeOptions.from(config), stores)
                            .start(scheduler, random);
                    RedfishService redfish =
                            RedfishService.start(RedfishService.options(config), runtime, stores, scheduler.clock())) {
                JsonNode entries = get(redfish.port(), "/redfish/v1/Systems/host0/LogServices/BootHistory/Entries");
                assertEquals(1, entries.get("Members@odata.count").asInt(), entries::toString);
                assertTrue(entries.at("/Members/0/Message").asText().contains("OS_RUNNING"), entries::toString);
            }
        }
    }

    private static void send(HostInterfaceClient host, int netFn, int cmd, String hex) throws Exception {
        assertEquals(
                CompletionCode.OK,
                host.request(netFn, 0, cmd, HexFormat.of().parseHex(hex))
                        .get(5, TimeUnit.SECONDS)
                        .completionCode());
    }

    private static JsonNode get(int port, String path) throws Exception {
        Process p = new ProcessBuilder("curl", "-sk", "-u", USER + ":" + PASSWORD, "https://127.0.0.1:" + port + path)
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }
}
