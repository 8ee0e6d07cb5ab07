package dev.bmcagent.ipmi.command.oem;

import static dev.bmcagent.ipmi.command.TestBmc.bytes;
import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's OEM commands, NetFn 30h (docs/HOST-INTERFACE.md "OEM commands"). */
class OemCommandsTest {
    private final List<String> calls = new ArrayList<>();
    private PendingOrder pending = PendingOrder.NONE;
    private final Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
            .addAll(new OemCommands(HostScoped.single(new OemHostPort() {
                        @Override
                        public void postCode(int code) {
                            calls.add(String.format(java.util.Locale.ROOT, "post %04X", code));
                        }

                        @Override
                        public void bootOrderReported(List<String> options) {
                            calls.add("order " + options);
                        }

                        @Override
                        public PendingOrder pendingBootOrder() {
                            return pending;
                        }

                        @Override
                        public void bootOrderAcknowledged(int status, java.util.OptionalInt revision) {
                            calls.add("ack " + status + (revision.isPresent() ? " rev " + revision.getAsInt() : ""));
                        }

                        @Override
                        public void memoryReported(MemoryReport report) {
                            calls.add("memory " + report);
                        }
                    }))
                    .specs())
            .build());

    private IpmiResponse host(int cmd, String hex) {
        return dispatcher.dispatch(new IpmiRequest(RequestContext.systemInterface(0), NetFn.OEM, 0, cmd, bytes(hex)));
    }

    @Test
    void postCodesOfOneAndTwoBytes() {
        assertEquals(CompletionCode.OK, host(0x10, "AD").completionCode()); // code LSB only
        assertEquals(CompletionCode.OK, host(0x10, "34 12").completionCode()); // LSB 34h, MSB 12h
        assertEquals(CompletionCode.INVALID_LENGTH, host(0x10, "").completionCode());
        assertEquals(List.of("post 00AD", "post 1234"), calls);
    }

    @Test
    void bootOrderReportInOneChunk() {
        assertEquals(
                CompletionCode.OK,
                host(
                                0x11,
                                "02" // total 2 options
                                        + " 00" // first option in this chunk: index 0
                                        + " 03 41 42 43" // length 3, "ABC"
                                        + " 02 50 31")
                        .completionCode()); // length 2, "P1"
        assertEquals(CompletionCode.OK, host(0x11, "00 00").completionCode()); // empty order
        assertEquals(List.of("order [ABC, P1]", "order []"), calls);
    }

    @Test
    void bootOrderReportInTwoChunks() {
        assertEquals(
                CompletionCode.OK,
                host(
                                0x11,
                                "03 00" // total 3, from index 0
                                        + " 03 41 42 43" // "ABC"
                                        + " 02 50 31")
                        .completionCode()); // "P1"
        assertEquals(List.of(), calls); // incomplete: nothing submitted yet
        assertEquals(
                CompletionCode.OK,
                host(
                                0x11,
                                "03 02" // total 3, from index 2
                                        + " 04 76 36 2D 31")
                        .completionCode()); // "v6-1"
        assertEquals(List.of("order [ABC, P1, v6-1]"), calls);
    }

    @Test
    void malformedChunksAreRejectedAndDiscardThePartialReport() {
        assertEquals(CompletionCode.INVALID_LENGTH, host(0x11, "02").completionCode()); // no index
        assertEquals(CompletionCode.INVALID_LENGTH, host(0x11, "02 00 03 41 42").completionCode()); // truncated
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD, host(0x11, "01 00 01 0A").completionCode()); // not ASCII
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD, host(0x11, "41 00 01 41").completionCode()); // total 65 > 64
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                host(0x11, "01 00 01 41 01 42").completionCode()); // 2 > 1
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD, host(0x11, "02 01 01 42").completionCode()); // no index 0
        assertEquals(CompletionCode.OK, host(0x11, "02 00 01 41").completionCode()); // "A" of 2
        assertEquals(CompletionCode.INVALID_LENGTH, host(0x11, "02 01 05 42").completionCode()); // truncated
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD, host(0x11, "02 01 01 42").completionCode()); // partial gone
        assertEquals(List.of(), calls);
    }

    @Test
    void pendingOrderResponseIsTotalRevisionFirstThenPatterns() {
        assertEquals(
                "00" // total 0: nothing pending
                        + " 00" // revision 00h
                        + " 00",
                hex(host(0x12, "").data())); // first pattern index 0 (no patterns follow)
        pending = new PendingOrder(0x5A, List.of(".*v6.*", "P1", "disk"));
        assertEquals(
                "03" // total 3 patterns
                        + " 5A" // revision 5Ah
                        + " 00" // first: index 0 (a request without data asks for 0)
                        + " 06 2E 2A 76 36 2E 2A" // length 6, ".*v6.*"
                        + " 02 50 31" // length 2, "P1"
                        + " 04 64 69 73 6B",
                hex(host(0x12, "").data())); // length 4, "disk"
        assertEquals(
                "03 5A 01" // total 3, revision 5Ah, first: index 1 as requested
                        + " 02 50 31" // "P1"
                        + " 04 64 69 73 6B",
                hex(host(0x12, "01").data())); // "disk"
        assertEquals("03 5A 03", hex(host(0x12, "03").data())); // index = total: header only
    }

    @Test
    void aLongPendingOrderIsServedInChunksOfWholePatterns() {
        String a = "a".repeat(0x7D); // 125 bytes: 1 + 125 = 126 encoded
        String b = "b".repeat(0x7C); // 124 bytes: 3 + 126 + 125 = 254, exactly full
        pending = new PendingOrder(0x21, List.of(a, b, "c"));
        byte[] chunk0 = host(0x12, "00").data();
        assertEquals(254, chunk0.length, "header and two whole patterns fill the response");
        assertEquals("03 21 00 7D", hex(java.util.Arrays.copyOf(chunk0, 4))); // total 3, rev 21h, first 0, len 7Dh
        assertEquals(0x7C, chunk0[3 + 1 + 0x7D]); // second pattern's length
        assertEquals("03 21 02 01 63", hex(host(0x12, "02").data())); // first 2: length 1, "c"
        pending = new PendingOrder(0x22, List.of("x".repeat(250))); // 3 + 1 + 250 = 254: fits
        assertEquals(254, host(0x12, "").data().length);
        pending = new PendingOrder(0x23, List.of("x".repeat(251))); // 255 bytes: never fits
        assertEquals(
                CompletionCode.CANNOT_RETURN_REQUESTED_BYTES, host(0x12, "").completionCode());
    }

    @Test
    void pendingOrderRequestErrors() {
        pending = new PendingOrder(0x01, List.of("P1", "P2"));
        assertEquals(CompletionCode.PARAMETER_OUT_OF_RANGE, host(0x12, "03").completionCode()); // index 3 > total 2
        assertEquals(CompletionCode.PARAMETER_OUT_OF_RANGE, host(0x12, "FF").completionCode());
        assertEquals(CompletionCode.INVALID_LENGTH, host(0x12, "00 00").completionCode()); // 2 bytes
        pending = PendingOrder.NONE;
        assertEquals(CompletionCode.PARAMETER_OUT_OF_RANGE, host(0x12, "01").completionCode()); // nothing pending
    }

    @Test
    void pendingOrderIsAcknowledged() {
        assertEquals(CompletionCode.OK, host(0x13, "01").completionCode()); // status 01h, no revision
        assertEquals(CompletionCode.OK, host(0x13, "00 5A").completionCode()); // status 00h, revision 5Ah
        assertEquals(CompletionCode.PARAMETER_OUT_OF_RANGE, host(0x13, "02").completionCode());
        assertEquals(CompletionCode.INVALID_LENGTH, host(0x13, "00 5A 01").completionCode());
        assertEquals(List.of("ack 1", "ack 0 rev 90"), calls);
    }

    @Test
    void memoryReport() {
        assertEquals(
                CompletionCode.OK,
                host(
                                0x14,
                                "00 C0 01 00" // total MiB LE32 = 0001C000h = 114688 (112 GiB)
                                        + " 07" // DIMMs populated 7
                                        + " 08")
                        .completionCode()); // DIMMs expected 8
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                host(0x14, "00 00 01 00 09 08").completionCode());
        assertEquals(
                List.of("memory MemoryReport[totalMiB=114688, populated=7, expected=8, slots=Optional.empty]"), calls);
    }

    @Test
    void memoryReportWithTheSlotBitmap() {
        calls.clear();
        assertEquals(
                CompletionCode.OK,
                host(
                                0x14,
                                "00 C0 01 00 07 08" // 112 GiB, 7 of 8
                                        + " F7")
                        .completionCode()); // slots bitmap: bit n = slot n; F7h = all but slot 3
        assertEquals(
                List.of("memory MemoryReport[totalMiB=114688, populated=7, expected=8, "
                        + "slots=Optional[[0, 1, 2, 4, 5, 6, 7]]]"),
                calls);
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                host(0x14, "00 C0 01 00 07 08 FF").completionCode()); // 8 bits
        assertEquals(
                CompletionCode.INVALID_LENGTH,
                host(0x14, "00 C0 01 00 07 08 F7 00").completionCode());
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                host(0x14, "00 C0 01 00 01 04 10").completionCode()); // slot 4
    }

    @Test
    void lanIsRefused() {
        IpmiResponse r = dispatcher.dispatch(new IpmiRequest(
                new RequestContext(Channel.LAN, Privilege.ADMINISTRATOR, "admin", 0x1234, 0),
                NetFn.OEM,
                0,
                0x10,
                bytes("AD")));
        assertEquals(CompletionCode.INSUFFICIENT_PRIVILEGE, r.completionCode());
        assertEquals(List.of(), calls);
    }
}
