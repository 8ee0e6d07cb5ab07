package dev.bmcagent.ipmi.command.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any chunk size reassembles every SDR record exactly as the whole-record (FFh) read returns it. */
class SdrPartialReadPropertiesTest {
    private final TestBmc bmc = new TestBmc();

    @Property(tries = 200)
    void chunkedReadsReassembleTheRecord(
            @ForAll @IntRange(min = 1, max = 13) int recordId, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        byte[] whole = data(bmc.lan(NetFn.STORAGE, 0x23, req(0, recordId, 0, 0xFF)));
        byte[] reservation = bmc.lan(NetFn.STORAGE, 0x22, "").data();
        int res = (reservation[0] & 0xFF) | (reservation[1] & 0xFF) << 8;
        ByteArrayOutputStream assembled = new ByteArrayOutputStream();
        assembled.write(whole, 0, 2);
        int size = whole.length - 2;
        for (int offset = 0; offset < size; offset += chunk) {
            int n = Math.min(chunk, size - offset);
            byte[] part = data(bmc.lan(NetFn.STORAGE, 0x23, req(res, recordId, offset, n)));
            assertArrayEquals(Arrays.copyOfRange(whole, 0, 2), Arrays.copyOfRange(part, 0, 2)); // next ID
            assembled.write(part, 2, part.length - 2);
        }
        assertArrayEquals(whole, assembled.toByteArray());
        assertEquals(
                CompletionCode.CANNOT_RETURN_REQUESTED_BYTES,
                bmc.lan(NetFn.STORAGE, 0x23, req(res, recordId, 0, Math.min(0xFE, size + 1)))
                        .completionCode());
    }

    private static byte[] data(IpmiResponse r) {
        assertEquals(CompletionCode.OK, r.completionCode());
        return r.data();
    }

    private static String req(int reservation, int id, int offset, int length) {
        return String.format(
                Locale.ROOT,
                "%02X %02X %02X %02X %02X %02X",
                reservation & 0xFF,
                reservation >> 8,
                id & 0xFF,
                id >> 8,
                offset,
                length);
    }
}
