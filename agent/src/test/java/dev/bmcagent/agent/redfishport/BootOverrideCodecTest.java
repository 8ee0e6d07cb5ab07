package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.redfish.backend.BootOverride;
import dev.bmcagent.redfish.backend.BootOverrideEnabled;
import dev.bmcagent.redfish.backend.BootOverrideMode;
import dev.bmcagent.redfish.backend.BootSource;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootOverrideCodecTest {

    private static BootFlags flags(String hex) {
        return new BootFlags(HexFormat.of().parseHex(hex));
    }

    @Test
    void ipmitoolBootdevPxeEfibootIsPxeOnceUefi() {
        // ipmitool chassis bootdev pxe options=efiboot: param 5 = A0 04 00 00 00 (docs/PROTOCOL-REFERENCE.md, observed)
        BootOverride o = BootOverrideCodec.decode(flags("a004000000"), Optional.empty(), Optional.empty());
        assertEquals(BootSource.Pxe, o.target());
        assertEquals(BootOverrideEnabled.Once, o.enabled());
        assertEquals(BootOverrideMode.UEFI, o.mode());
    }

    @Test
    void encodeIsTheSameBytesIpmitoolWrites() {
        assertArrayEquals(
                HexFormat.of().parseHex("a004000000"), // byte 1: valid|EFI; byte 2: device 1h << 2
                BootOverrideCodec.encode(BootSource.Pxe, BootOverrideEnabled.Once, BootOverrideMode.UEFI)
                        .bytes());
        assertArrayEquals(
                HexFormat.of().parseHex("c018000000"), // valid|persistent, legacy; device 6h BIOS setup
                BootOverrideCodec.encode(BootSource.BiosSetup, BootOverrideEnabled.Continuous, BootOverrideMode.Legacy)
                        .bytes());
        assertArrayEquals(
                HexFormat.of().parseHex("2008000000"), // disabled: valid clear, device 2h kept
                BootOverrideCodec.encode(BootSource.Hdd, BootOverrideEnabled.Disabled, BootOverrideMode.UEFI)
                        .bytes());
    }

    @Test
    void everySupportedTargetRoundTrips() {
        for (BootSource s : BootOverrideCodec.SUPPORTED) {
            for (BootOverrideEnabled e : BootOverrideEnabled.values()) {
                BootFlags f = BootOverrideCodec.encode(s, e, BootOverrideMode.UEFI);
                Optional<BootFlags> http = s == BootSource.UefiHttp ? Optional.of(f) : Optional.empty();
                BootOverride back = BootOverrideCodec.decode(f, http, Optional.of("http://127.0.0.1/x.efi"));
                assertEquals(s, back.target(), s + " " + e);
                assertEquals(e, back.enabled(), s + " " + e);
            }
        }
    }

    @Test
    void uefiHttpIsPxeEfiAndFallsBackToPxeWhenIpmiRewritesTheFlags() {
        BootFlags http =
                BootOverrideCodec.encode(BootSource.UefiHttp, BootOverrideEnabled.Once, BootOverrideMode.Legacy);
        assertEquals("BootFlags[valid=true persistent=false efi=true device=1]", http.toString());
        // consumed by the host (valid cleared): still UefiHttp, now Disabled
        BootOverride consumed = BootOverrideCodec.decode(http.invalidated(), Optional.of(http), Optional.empty());
        assertEquals(BootSource.UefiHttp, consumed.target());
        assertEquals(BootOverrideEnabled.Disabled, consumed.enabled());
        // ipmitool chassis bootdev pxe (legacy) since then
        assertEquals(
                BootSource.Pxe,
                BootOverrideCodec.decode(flags("8004000000"), Optional.of(http), Optional.empty())
                        .target());
    }

    @Test
    void remoteDevicesAndUnmappableTargets() {
        assertEquals(
                BootSource.Cd,
                BootOverrideCodec.decode(flags("8024000000"), Optional.empty(), Optional.empty())
                        .target()); // device 9h remote CD
        assertEquals(
                BootSource.Hdd,
                BootOverrideCodec.decode(flags("802c000000"), Optional.empty(), Optional.empty())
                        .target()); // device Bh remote disk
        assertEquals(
                BootSource.None,
                BootOverrideCodec.decode(flags("800c000000"), Optional.empty(), Optional.empty())
                        .target()); // device 3h safe mode: no Redfish target
        assertThrows(
                IllegalArgumentException.class,
                () -> BootOverrideCodec.encode(BootSource.UefiShell, BootOverrideEnabled.Once, BootOverrideMode.UEFI));
    }
}
