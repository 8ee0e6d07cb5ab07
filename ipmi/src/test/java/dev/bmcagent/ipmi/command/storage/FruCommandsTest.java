package dev.bmcagent.ipmi.command.storage;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.NetFn;
import org.junit.jupiter.api.Test;

/** Get FRU Inventory Area Info / Read FRU Data, IPMI 2.0 §34. */
class FruCommandsTest {
    private final TestBmc bmc = new TestBmc();

    @Test
    void areaInfoAndReads() {
        assertEquals("A8 00 00", hex(bmc.lan(NetFn.STORAGE, 0x10, "00").data())); // 168 bytes, byte access
        // device 0, offset 0000h, 8 bytes: count 08h, common header: version 01h, no internal use area,
        // chassis at 1 x 8, board at 4 x 8, product at 0Ch x 8, no multirecord, pad, checksum EEh
        assertEquals(
                "08 01 00 01 04 0C 00 00 EE",
                hex(bmc.lan(NetFn.STORAGE, 0x11, "00 00 00 08").data()));
        // offset 00A0h, 16 bytes asked: only 8 left
        assertEquals(
                "08", hex(bmc.lan(NetFn.STORAGE, 0x11, "00 A0 00 10").data()).substring(0, 2));
        assertEquals(9, bmc.lan(NetFn.STORAGE, 0x11, "00 A0 00 10").data().length);
        assertEquals(
                CompletionCode.PARAMETER_OUT_OF_RANGE,
                bmc.lan(NetFn.STORAGE, 0x11, "00 A8 00 01").completionCode());
        assertEquals(
                CompletionCode.NOT_PRESENT, bmc.lan(NetFn.STORAGE, 0x10, "01").completionCode());
        assertEquals(
                CompletionCode.NOT_PRESENT,
                bmc.lan(NetFn.STORAGE, 0x11, "01 00 00 08").completionCode());
    }
}
