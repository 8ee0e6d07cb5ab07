package dev.bmcagent.agent.ipmiport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.core.ipmiport.BootErrorNames;
import dev.bmcagent.core.ipmiport.LifecyclePlatformEvents;
import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.ipmi.command.chassis.BootOptionsRules;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.DiskSettingsStore;
import dev.bmcagent.journal.InMemoryAccountStore;
import dev.bmcagent.journal.JournalOptions;
import dev.bmcagent.journal.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of the ipmi → agent adapters, and the durable boot options on a real settings journal. */
class AdaptersTest {
    private static final List<String> ORDER = List.of(
            "UEFI: HTTPS IPv4 Intel X710 - 50:00:E6:8F:4F:32 P1",
            "UEFI: HTTPS IPv6 Intel X710 - 50:00:E6:8F:4F:32 P1",
            "UEFI: PXE IPv4 Mellanox CX6 - 0C:42:A1:00:11:22 P1",
            "UEFI OS (NVMe SSD)");

    @TempDir
    Path dir;

    private static SystemEvent pem(String hex) { // generator 01h, rev 04h, then type, number, dir/type, data 1-3
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return new SystemEvent(
                b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF, b[4] & 0xFF, b[5] & 0xFF, b[6] & 0xFF, b[7] & 0xFF);
    }

    @Test
    void platformEventsBecomeLifecycleInputs() {
        assertEquals(
                Optional.of(new LifecycleInput.Progress(new ProgressCode.IpmiFirmwareProgress(0x01))),
                LifecyclePlatformEvents.toInput(pem("01 04 0F 05 6F C2 01 FF"), ORDER)); // FW progress, memory
        assertEquals(
                Optional.of(new LifecycleInput.FirmwareProblem(LifecycleInput.FirmwareProblemKind.HANG, 0x01)),
                LifecyclePlatformEvents.toInput(pem("01 04 0F 05 6F C1 01 FF"), ORDER)); // hang at memory init
        assertEquals(
                Optional.of(new LifecycleInput.BootError(
                        LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND,
                        ORDER.get(1),
                        Optional.of(new dev.bmcagent.acpi.lifecycle.BootInterface(
                                0,
                                dev.bmcagent.acpi.lifecycle.BootInterface.IpVersion.IPv6,
                                dev.bmcagent.acpi.lifecycle.BootInterface.Protocol.HTTP)))),
                LifecyclePlatformEvents.toInput(pem("01 04 1E 06 6F A2 00 03"), ORDER)); // NIC 0, HTTP IPv6
        assertEquals(
                Optional.of(new LifecycleInput.BootError(LifecycleInput.BootErrorKind.NO_BOOTABLE_MEDIA, "")),
                LifecyclePlatformEvents.toInput(pem("01 04 1E 06 6F 00 FF FF"), ORDER));
        assertEquals(
                Optional.of(new LifecycleInput.OsBootComplete()),
                LifecyclePlatformEvents.toInput(pem("01 04 1F 07 6F 06 FF FF"), ORDER));
        assertEquals(
                Optional.empty(), LifecyclePlatformEvents.toInput(pem("01 04 1F 07 EF 06 FF FF"), ORDER)); // deassert
        assertEquals(
                Optional.empty(), LifecyclePlatformEvents.toInput(pem("01 04 01 01 01 50 5A 55"), ORDER)); // threshold
    }

    @Test
    void bootErrorInterfaceNames() {
        assertEquals(ORDER.get(0), BootErrorNames.interfaceName(0xA2, 0, 0x02, ORDER)); // NIC0 HTTPS IPv4
        assertEquals(ORDER.get(2), BootErrorNames.interfaceName(0xA2, 1, 0x00, ORDER)); // NIC1 PXE IPv4
        assertEquals("NIC1 PXE IPv6", BootErrorNames.interfaceName(0xA2, 1, 0x01, ORDER)); // no such option
        assertEquals("NIC4 HTTP(S) IPv6", BootErrorNames.interfaceName(0xA2, 4, 0x03, List.of()));
        assertEquals("NIC2 iPXE IPv4", BootErrorNames.interfaceName(0xA2, 2, 0x04, List.of())); // ED3 bit 2
        assertEquals("", BootErrorNames.interfaceName(0x02, 0xFF, 0xFF, ORDER)); // no OEM data
    }

    @Test
    void accountsBecomeIpmiUsers() {
        InMemoryAccountStore store = new InMemoryAccountStore();
        store.put(Account.of("admin", "Adm1n-pw", Role.ADMINISTRATOR)).join();
        store.put(Account.of("ops", "0ps-pw", Role.OPERATOR)).join();
        store.put(Account.of("viewer", "v1ew", Role.READ_ONLY).withEnabled(false))
                .join(); // locks: AccountLockouts
        AccountUsers users = new AccountUsers(store);
        assertEquals(2, users.findByName("admin").orElseThrow().userId());
        assertEquals(Privilege.OPERATOR, users.findByName("ops").orElseThrow().maxPrivilege());
        assertEquals(Privilege.USER, users.findByName("viewer").orElseThrow().maxPrivilege());
        assertFalse(users.findByName("viewer").orElseThrow().enabled());
        byte[] key = users.findByName("admin").orElseThrow().password(); // Kuid: cleartext, zero-padded to 20
        assertEquals("Adm1n-pw", new String(key, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(20, key.length);
        assertEquals("ops", users.find(3).orElseThrow().name());
        assertTrue(users.find(1).orElseThrow().fixedName()); // the null user
        assertEquals(Optional.empty(), users.find(5));
        assertEquals(Optional.empty(), users.findByName("Admin")); // case-sensitive
    }

    @Test
    void bootOptionsSurviveRestartAndAOneTimeBootIsConsumedByThePostAcknowledge() throws Exception {
        Path file = dir.resolve("settings.journal");
        BootFlags pxeOnce = new BootFlags(HexFormat.of().parseHex("A004000000")); // valid, EFI, PXE, one-time
        try (DiskSettingsStore s = DiskSettingsStore.open(file, JournalOptions.processCrashSafe())) {
            SettingsBootOptionsStore b = new SettingsBootOptionsStore(s, 1);
            b.bootInfoAcknowledge(0x01); // ipmitool bootdev: 04 01 01, unacknowledged
            b.bootFlags(pxeOnce);
            b.mailbox(dev.bmcagent.ipmi.command.chassis.BootMailbox.encodeUri("http://[fd00::1]/boot.efi"));
            // kept without its trailing zero bytes: IANA 000000h, the URI, nothing more
            assertEquals(
                    "000000687474703a2f2f5b666430303a3a315d2f626f6f742e656669",
                    b.stored().orElseThrow().path("mailbox").asText());
        }
        try (DiskSettingsStore s = DiskSettingsStore.open(file, JournalOptions.processCrashSafe())) {
            SettingsBootOptionsStore b = new SettingsBootOptionsStore(s, 1);
            assertEquals(
                    java.util.Optional.of("http://[fd00::1]/boot.efi"),
                    dev.bmcagent.ipmi.command.chassis.BootMailbox.decodeUri(b.mailbox())); // the mailbox too
            assertEquals(pxeOnce, b.bootFlags()); // what bootdev wrote survived the restart
            assertEquals(0x01, b.bootInfoAcknowledge());
            assertEquals(BootFlags.NONE, new SettingsBootOptionsStore(s, 0).bootFlags()); // other host
            BootOptionsRules.acknowledge(b, 0x00); // BIOS/POST acknowledges (04 01 00)
            assertEquals(pxeOnce.invalidated(), b.bootFlags());
        }
        try (DiskSettingsStore s = DiskSettingsStore.open(file, JournalOptions.processCrashSafe())) {
            assertFalse(new SettingsBootOptionsStore(s, 1).bootFlags().valid());
        }
    }
}
