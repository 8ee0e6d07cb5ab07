package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static dev.bmcagent.it.redfish.RedfishRig.OPERATOR;
import static dev.bmcagent.it.redfish.RedfishRig.OPERATOR_PW;
import static dev.bmcagent.it.redfish.RedfishRig.VIEWER;
import static dev.bmcagent.it.redfish.RedfishRig.VIEWER_PW;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.hostif.VmCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes through Redfish reach the host (boot override, declared boot order, reset); roles are enforced. */
class RedfishControlIT {
    static final String SYS = "/redfish/v1/Systems/host0";
    static final List<String> OPTIONS = List.of(
            "UEFI: HTTPS IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1",
            "UEFI: PXE IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1",
            "UEFI: HTTPS IPv6 Network Adapter - 50:00:E6:8F:4F:32 P1");

    @TempDir
    Path dir;

    RedfishRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new RedfishRig(dir);
        rig.powerOn();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private List<String> redfishtool(String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "redfishtool", "-r", "127.0.0.1:" + rig.redfish.port(), "-u", user, "-p", password, "-S", "Always"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private RedfishRig.Run ipmitool(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(rig.runtime.ipmiAddress(0).getPort()),
                "-U",
                ADMIN,
                "-P",
                ADMIN_PW,
                "-C",
                "17"));
        cmd.addAll(List.of(args));
        return RedfishRig.run(cmd);
    }

    /** What the host's firmware reads at POST: Get System Boot Options, parameter 5 (IPMI 2.0 §28.13). */
    private String hostReadsBootFlags() {
        return HexFormat.of().withUpperCase().formatHex(rig.send(0x00, 0x09, "05 00 00"));
    }

    @Test
    void redfishtoolOverrideIsWhatTheHostAndIpmitoolRead() {
        RedfishRig.Run set = RedfishRig.run(
                redfishtool(ADMIN, ADMIN_PW, "Systems", "-I", "host0", "setBootOverride", "Once", "Pxe"));
        System.out.println("redfishtool setBootOverride Once Pxe: exit " + set.exit() + "\n" + set.out());
        assertEquals(0, set.exit(), set.out());
        // version 01, parameter 05, valid + next boot only (legacy mode unchanged), device 1h PXE
        await().until(this::hostReadsBootFlags, "01058004000000"::equals);
        RedfishRig.Run get = ipmitool("chassis", "bootparam", "get", "5");
        System.out.println("ipmitool chassis bootparam get 5:\n" + get.out());
        assertTrue(get.out().contains("Force PXE"), get.out());
        assertTrue(get.out().contains("Options apply to only next boot"), get.out());

        RedfishRig.Run bootdev = ipmitool("chassis", "bootdev", "disk", "options=efiboot,persistent");
        assertEquals(0, bootdev.exit(), bootdev.out());
        JsonNode boot = rig.get(SYS).get("Boot");
        System.out.println("after ipmitool chassis bootdev disk options=efiboot,persistent: " + boot);
        assertEquals("Hdd", boot.get("BootSourceOverrideTarget").asText());
        assertEquals("Continuous", boot.get("BootSourceOverrideEnabled").asText());
        assertEquals("UEFI", boot.get("BootSourceOverrideMode").asText());
    }

    @Test
    void uefiHttpIsPxeWithEfiForTheHostAndStaysUefiHttpInRedfish() {
        RedfishRig.Run r = rig.curl(
                ADMIN,
                ADMIN_PW,
                "PATCH",
                SYS,
                "{\"Boot\":{\"BootSourceOverrideTarget\":"
                        + "\"UefiHttp\",\"BootSourceOverrideEnabled\":\"Once\",\"HttpBootUri\":\"http://127.0.0.1/boot.efi\"}}");
        assertEquals(200, r.status(), r.out());
        assertEquals("UefiHttp", r.json().at("/Boot/BootSourceOverrideTarget").asText());
        await().until(this::hostReadsBootFlags, "0105A004000000"::equals); // valid, once, EFI, PXE
        assertEquals(
                "http://127.0.0.1/boot.efi",
                rig.get(SYS).at("/Boot/HttpBootUri").asText());
        assertEquals(0, ipmitool("chassis", "bootdev", "pxe").exit());
        assertEquals("Pxe", rig.get(SYS).at("/Boot/BootSourceOverrideTarget").asText());
        RedfishRig.Run shell =
                rig.curl(ADMIN, ADMIN_PW, "PATCH", SYS, "{\"Boot\":{\"BootSourceOverrideTarget\":\"UefiShell\"}}");
        assertEquals(400, shell.status(), shell.out());
    }

    @Test
    void patchedBootOrderIsDeclaredAndTheHostReadsItAsPending() {
        rig.reportBootOrder(OPTIONS);
        await().until(() ->
                rig.get(SYS + "/BootOptions").get("Members@odata.count").asInt() == 3);
        assertEquals(
                "[\"Boot0001\",\"Boot0002\",\"Boot0003\"]",
                rig.get(SYS).at("/Boot/BootOrder").toString());
        assertEquals(
                OPTIONS.get(2),
                rig.get(SYS + "/BootOptions/Boot0003").get("DisplayName").asText());

        RedfishRig.Run r = rig.curl(
                ADMIN, ADMIN_PW, "PATCH", SYS, "{\"Boot\":{\"BootOrder\":[\"Boot0003\",\"Boot0002\",\"Boot0001\"]}}");
        assertEquals(200, r.status(), r.out());
        assertEquals(
                "[\"Boot0003\",\"Boot0002\",\"Boot0001\"]",
                r.json().at("/Boot/BootOrder").toString());
        // exact-match patterns: these display strings have no regex metacharacter, so each is its own pattern
        List<String> declared = List.of(OPTIONS.get(2), OPTIONS.get(1), OPTIONS.get(0));
        await().until(() -> rig.node().pendingBootOrder().current().equals(declared)); // ApplyBootOrder
        byte[] pending = rig.send(0x30, 0x12, "00"); // OEM Get Pending Boot Order from index 0
        // total, revision, index of the first pattern, then (length, ASCII) patterns
        String first = new String(pending, 4, pending[3], StandardCharsets.US_ASCII);
        System.out.println(
                "host reads pending order: " + pending[0] + " patterns, revision " + pending[1] + ", first " + first);
        assertEquals(3, pending[0]);
        assertEquals(0, pending[2]);
        assertEquals(declared.get(0), first);

        rig.send(0x30, 0x13, "00"); // acknowledge: written to NVRAM
        rig.reportBootOrder(List.of(OPTIONS.get(2), OPTIONS.get(1), OPTIONS.get(0)));
        await().until(() -> rig.history.read("host0", 1, 10_000).stream()
                .anyMatch(e -> e.event() instanceof LifecycleEvent.ReconcileDecided d
                        && d.decision() == LifecycleEvent.ReconcileDecision.OK));
        assertEquals(
                "[\"Boot0003\",\"Boot0002\",\"Boot0001\"]",
                rig.get(SYS).at("/Boot/BootOrder").toString());
    }

    @Test
    void resetReachesTheHostAsVmOps() {
        RedfishRig.Run r =
                RedfishRig.run(redfishtool(ADMIN, ADMIN_PW, "Systems", "-I", "host0", "reset", "ForceRestart"));
        System.out.println("redfishtool Systems reset ForceRestart: exit " + r.exit() + "\n" + r.out());
        assertEquals(0, r.exit(), r.out());
        await().until(() -> rig.controls.stream().anyMatch(c -> c.op() == VmCodes.OP_RESET));
        RedfishRig.Run nmi = rig.curl(
                OPERATOR, OPERATOR_PW, "POST", SYS + "/Actions/ComputerSystem.Reset", "{\"ResetType\":\"Nmi\"}");
        assertEquals(204, nmi.status(), nmi.out());
        await().until(() -> rig.controls.stream().anyMatch(c -> c.op() == VmCodes.OP_SEND_NMI));
    }

    @Test
    void readOnlyUserIsRefusedWritesAndSettingsPersist() {
        assertEquals(200, rig.curl(VIEWER, VIEWER_PW, "GET", SYS, null).status());
        RedfishRig.Run patch = rig.curl(VIEWER, VIEWER_PW, "PATCH", SYS, "{\"AssetTag\":\"rack-7\"}");
        assertEquals(403, patch.status(), patch.out());
        assertEquals(
                403,
                rig.curl(
                                VIEWER,
                                VIEWER_PW,
                                "POST",
                                SYS + "/Actions/ComputerSystem.Reset",
                                "{\"ResetType\":\"ForceOff\"}")
                        .status());
        RedfishRig.Run tool =
                RedfishRig.run(redfishtool(VIEWER, VIEWER_PW, "Systems", "-I", "host0", "setAssetTag", "rack-7"));
        System.out.println("redfishtool as ReadOnly setAssetTag: exit " + tool.exit() + "\n" + tool.out());
        assertNotEquals(0, tool.exit());
        assertEquals(
                0,
                RedfishRig.run(redfishtool(OPERATOR, OPERATOR_PW, "Systems", "-I", "host0", "setAssetTag", "rack-7"))
                        .exit());
        assertEquals(
                200,
                rig.curl(OPERATOR, OPERATOR_PW, "PATCH", SYS, "{\"IndicatorLED\":\"Blinking\"}")
                        .status());
        JsonNode sys = rig.get(SYS);
        assertEquals("rack-7", sys.get("AssetTag").asText());
        assertEquals("Blinking", sys.get("IndicatorLED").asText());
        await().until(() -> rig.stores
                .settings()
                .get("redfish.system.host0")
                .map(n -> n.path("assetTag").asText().equals("rack-7")
                        && n.path("indicatorLed").asText().equals("Blinking"))
                .orElse(false));
        assertEquals(
                "ReadOnly",
                rig.get("/redfish/v1/AccountService/Accounts/4").get("RoleId").asText());
    }

    /** Issue #11 item 7: five bad passwords lock their address out of the account (IPMI too), not the account. */
    @Test
    void fiveBadPasswordsLockTheirAddressOutOfTheSharedAccount() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, rig.curl(OPERATOR, "wrong-" + i, "GET", SYS, null).status());
        }
        assertEquals(401, rig.curl(OPERATOR, OPERATOR_PW, "GET", SYS, null).status());
        RedfishRig.Run ipmi = RedfishRig.run(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(rig.runtime.ipmiAddress(0).getPort()),
                "-U",
                OPERATOR,
                "-P",
                OPERATOR_PW,
                "-C",
                "17",
                "-L",
                "OPERATOR",
                "-v",
                "mc",
                "info"));
        assertTrue(ipmi.out().contains("unauthorized name"), "IPMI refuses it from that address too: " + ipmi.out());
        assertEquals(
                200,
                RedfishRig.run(List.of(
                                "curl",
                                "-sk",
                                "--interface",
                                "127.0.0.3",
                                "-u",
                                OPERATOR + ":" + OPERATOR_PW,
                                "-o",
                                "/dev/null",
                                "-w",
                                "\n%{http_code}",
                                rig.base() + SYS))
                        .status(),
                "another address is not locked");
        assertFalse(
                rig.get("/redfish/v1/AccountService/Accounts/3").get("Locked").asBoolean(),
                "one address locked out: the account itself is not locked");
        assertEquals(
                200,
                rig.curl(ADMIN, ADMIN_PW, "PATCH", "/redfish/v1/AccountService/Accounts/3", "{\"Locked\":false}")
                        .status());
        assertEquals(200, rig.curl(OPERATOR, OPERATOR_PW, "GET", SYS, null).status(), "the administrator unlocked it");
    }
}
