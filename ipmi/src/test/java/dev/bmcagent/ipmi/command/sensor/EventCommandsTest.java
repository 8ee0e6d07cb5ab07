package dev.bmcagent.ipmi.command.sensor;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import org.junit.jupiter.api.Test;

/** Platform Event Message, IPMI 2.0 §29.3 (Sensor/Event 02h). */
class EventCommandsTest {
    private final TestBmc bmc = new TestBmc();

    @Test
    void fromTheSystemInterfaceTheGeneratorIsTheFirstByte() {
        // generator 01h BIOS, EvM rev 04h, 0Fh firmware, sensor 05h, 6Fh, C2h progress, 01h memory init, FFh
        assertEquals(
                CompletionCode.OK,
                bmc.host(NetFn.SENSOR_EVENT, 0x02, "01 04 0F 05 6F C2 01 FF").completionCode());
        assertEquals(1, bmc.events.size());
        // stored: ID 0001h, type 02h, timestamp START, generator 0001h, then the event
        assertEquals(
                "01 00 02 BF BD A7 69 01 00 04 0F 05 6F C2 01 FF",
                hex(bmc.events.get(0).encode()));
        assertEquals(bmc.events.get(0), bmc.sel.last().orElseThrow());
    }

    @Test
    void fromLanTheGeneratorIsTheRemoteConsoleAndMissingDataIsFf() {
        // EvM rev 04h, 1Eh boot error, sensor 06h, 6Fh, offset 02h PXE server not found; data 2/3 absent
        assertEquals(
                CompletionCode.OK,
                bmc.lan(Privilege.OPERATOR, NetFn.SENSOR_EVENT, 0x02, "04 1E 06 6F 02")
                        .completionCode());
        // generator 81h (software ID 40h), channel 1 in byte 2 bits 7:4
        assertEquals(
                "01 00 02 BF BD A7 69 81 10 04 1E 06 6F 02 FF FF",
                hex(bmc.sel.last().orElseThrow().encode()));
    }

    @Test
    void fromLanAnEventIsOnlyStoredTheLifecycleNeverSeesIt() {
        // EvM rev 04h, 1Fh OS boot, sensor 07h, 6Fh, offset 06h "boot completed": what ends a boot from the host
        assertEquals(
                CompletionCode.OK,
                bmc.lan(Privilege.OPERATOR, NetFn.SENSOR_EVENT, 0x02, "04 1F 07 6F 06 FF FF")
                        .completionCode());
        // 0Fh firmware, offset 01h hang: a spoofed hang
        assertEquals(
                CompletionCode.OK,
                bmc.lan(Privilege.ADMINISTRATOR, NetFn.SENSOR_EVENT, 0x02, "04 0F 05 6F 01 FF FF")
                        .completionCode());
        assertEquals(0, bmc.events.size());
        assertEquals(2, bmc.sel.info().entries());
        assertEquals(
                "02 00 02 BF BD A7 69 81 10 04 0F 05 6F 01 FF FF",
                hex(bmc.sel.last().orElseThrow().encode()));
    }

    @Test
    void malformedEvents() {
        assertEquals(
                CompletionCode.INVALID_LENGTH,
                bmc.host(NetFn.SENSOR_EVENT, 0x02, "01 04 0F 05 6F").completionCode());
        assertEquals(
                CompletionCode.INVALID_LENGTH,
                bmc.lan(NetFn.SENSOR_EVENT, 0x02, "04 1E 06 6F 02 FF FF FF").completionCode());
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                bmc.host(NetFn.SENSOR_EVENT, 0x02, "01 05 0F 05 6F C2 01 FF").completionCode());
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(Privilege.USER, NetFn.SENSOR_EVENT, 0x02, "04 1E 06 6F 02")
                        .completionCode());
        assertEquals(0, bmc.sel.info().entries());
        assertEquals(0, bmc.events.size());
    }
}
