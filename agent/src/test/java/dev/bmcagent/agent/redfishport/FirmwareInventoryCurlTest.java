package dev.bmcagent.agent.redfishport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bmcagent.agent.BuildVersion;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UpdateService/FirmwareInventory over real curl: the BMC's version from the build, the BIOS and NIC option-ROM
 * versions the host set over its system interface (also after an agent restart), with the manufacturers the host
 * reported (the BMC's from the build) and the processors it reported; SimpleUpdate is not offered and is refused.
 */
class FirmwareInventoryCurlTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "Firmware-Pw-42";

    @TempDir
    Path dir;

    @Test
    void hostReportedVersionsAreListedAndSurviveARestart() throws Exception {
        AgentConfig config = FreePorts.partial().resolve(dir);
        int redfishPort = config.redfishPort();
        SecureRandom random = new SecureRandom();
        String bmc = BuildVersion.projectVersion().orElseThrow();
        try (SystemScheduler scheduler = new SystemScheduler("firmware-inventory");
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
                assertEquals(List.of("/redfish/v1/UpdateService/FirmwareInventory/bmc"), members(redfishPort));
                host.connect(runtime.hostInterfaceAddress(0));
                await().until(() -> runtime.node(0).state().powerOn());
                send(host, "01 00 00 0B 45 44 4B 32 20 32 30 32 35 30 32"); // BIOS "EDK2 202502"
                send(host, "C1 00 00 06 32 30 2E 35 2E 31"); // NIC1 option ROM "20.5.1"
                assertEquals(
                        List.of(
                                "/redfish/v1/UpdateService/FirmwareInventory/bmc",
                                "/redfish/v1/UpdateService/FirmwareInventory/host0-BIOS",
                                "/redfish/v1/UpdateService/FirmwareInventory/host0-NIC1"),
                        members(redfishPort));
                JsonNode bios = get(redfishPort, "/redfish/v1/UpdateService/FirmwareInventory/host0-BIOS");
                assertEquals("EDK2 202502", bios.path("Version").asText());
                assertFalse(bios.path("Updateable").asBoolean(true));
                assertEquals(
                        "/redfish/v1/Systems/host0",
                        bios.at("/RelatedItem/0/@odata.id").asText());
                assertEquals(
                        "EDK2 202502",
                        get(redfishPort, "/redfish/v1/Systems/host0")
                                .path("BiosVersion")
                                .asText());
                // no vendor reported yet: Manufacturer absent (never invented); then the SMBIOS strings arrive
                assertTrue(bios.path("Manufacturer").isMissingNode(), bios.toString());
                send(host, "D0 00 00 03 41 4D 49"); // BIOS vendor "AMI"
                send(host, "C9 00 00 05 49 6E 74 65 6C"); // NIC1 ROM "Intel"
                send(host, "D8 00 00 04 58 65 6F 6E"); // socket 0 "Xeon"
                send(host, "D9 00 00 04 58 65 6F 6E"); // socket 1 "Xeon"
                assertEquals(
                        "AMI",
                        get(redfishPort, "/redfish/v1/UpdateService/FirmwareInventory/host0-BIOS")
                                .path("Manufacturer")
                                .asText());
                assertEquals(
                        "Intel",
                        get(redfishPort, "/redfish/v1/UpdateService/FirmwareInventory/host0-NIC1")
                                .path("Manufacturer")
                                .asText());
                assertEquals(
                        "bmc-agent project",
                        dev.bmcagent.agent.BuildVersion.projectVendor().orElseThrow());
                assertEquals(
                        "bmc-agent project",
                        get(redfishPort, "/redfish/v1/UpdateService/FirmwareInventory/bmc")
                                .path("Manufacturer")
                                .asText());
                JsonNode cpus = get(redfishPort, "/redfish/v1/Systems/host0").path("ProcessorSummary");
                assertEquals(2, cpus.path("Count").asInt(), cpus.toString());
                assertEquals("Xeon", cpus.path("Model").asText(), cpus.toString());
                assertTrue(cpus.path("CoreCount").isMissingNode(), "cores not reported: " + cpus);
                assertEquals(
                        bmc,
                        get(redfishPort, "/redfish/v1/UpdateService/FirmwareInventory/bmc")
                                .path("Version")
                                .asText());
                JsonNode service = get(redfishPort, "/redfish/v1/UpdateService");
                assertFalse(service.path("ServiceEnabled").asBoolean(true));
                assertTrue(service.path("Actions").isEmpty(), "no SimpleUpdate offered: " + service);
                String refused = curl(
                        redfishPort,
                        "-X",
                        "POST",
                        "-H",
                        "Content-Type: application/json",
                        "--data-binary",
                        "{\"ImageURI\":\"http://127.0.0.1/fw.bin\"}",
                        "/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate");
                assertTrue(refused.contains("Base.1.19.0.ActionNotSupported"), refused);
            }
            try (BmcRuntime runtime = BmcRuntime.builder(RuntimeOptions.from(config), stores)
                            .start(scheduler, random);
                    RedfishService redfish =
                            RedfishService.start(RedfishService.options(config), runtime, stores, scheduler.clock())) {
                JsonNode nic = get(redfish.port(), "/redfish/v1/UpdateService/FirmwareInventory/host0-NIC1");
                assertEquals("20.5.1", nic.path("Version").asText());
                assertEquals("Intel", nic.path("Manufacturer").asText());
            }
        }
    }

    private static List<String> members(int port) throws Exception {
        return get(port, "/redfish/v1/UpdateService/FirmwareInventory")
                .path("Members")
                .findValuesAsText("@odata.id");
    }

    private static void send(HostInterfaceClient host, String hex) throws Exception {
        assertEquals(
                CompletionCode.OK,
                host.request(0x06, 0, 0x58, HexFormat.of().parseHex(hex.replace(" ", "")))
                        .get(5, TimeUnit.SECONDS)
                        .completionCode());
    }

    private static JsonNode get(int port, String path) throws Exception {
        return new ObjectMapper().readTree(curl(port, path));
    }

    private static String curl(int port, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-sk", "-u", USER + ":" + PASSWORD));
        cmd.addAll(List.of(args).subList(0, args.length - 1));
        cmd.add("https://127.0.0.1:" + port + args[args.length - 1]);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new String(out, StandardCharsets.UTF_8);
    }
}
