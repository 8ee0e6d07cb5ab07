package dev.bmcagent.ipmi.command.oem;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The project's OEM commands (NetFn 30h, system interface only; docs/HOST-INTERFACE.md "OEM commands"):
 * 10h Report POST Code, 11h Report Boot Order, 12h Get Pending Boot Order, 13h Acknowledge Boot Order,
 * 14h Report Memory. Strings travel as a length byte and that many ASCII bytes ({@link OemStrings}). Both boot
 * orders travel in chunks: 11h (host to BMC) as total count, index of the chunk's first option, then options to the
 * end of the data, reassembled per host by {@link BootOrderAssembler}; 12h (BMC to host) as the host asks for them,
 * from the pattern index in its request, each response a {@link PendingOrderChunk}.
 */
public final class OemCommands {
    // The one table of the NetFn 30h codes: the BMC's handlers below and the simulator's host (HostMessages) use it.

    /** Report POST Code: data = code LSB [, code MSB]. */
    public static final int REPORT_POST_CODE = 0x10;
    /**
     * Report Boot Order, in chunks: data = total option count, index of the chunk's first option, then its boot
     * option descriptions as length-prefixed ASCII (each chunk at most 255 bytes).
     */
    public static final int REPORT_BOOT_ORDER = 0x11;
    /**
     * Get Pending Boot Order, in chunks: data = index of the first pattern wanted (none: 0); response = total pattern
     * count (00h: nothing pending), the pending order's revision, index of the response's first pattern, then whole
     * declared patterns (Java regular expressions matched against the whole option description) as length-prefixed
     * ASCII (at most 254 bytes per response).
     */
    public static final int GET_PENDING_BOOT_ORDER = 0x12;
    /** Acknowledge Boot Order: data = status ({@link #ACK_APPLIED} or {@link #ACK_IGNORED}) [, revision]. */
    public static final int ACK_BOOT_ORDER = 0x13;
    /**
     * Report Memory: data = usable memory in MiB (LE32), DIMMs initialised, DIMMs expected (6 bytes) [, populated-slot
     * bitmap]. Sent once per POST, after the SPD reads.
     */
    public static final int REPORT_MEMORY = 0x14;
    /** Acknowledge status: the declared order was written to BootOrder (NVRAM). */
    public static final int ACK_APPLIED = 0x00;
    /** Acknowledge status: the firmware ignores BootOrder changes (forced priority). */
    public static final int ACK_IGNORED = 0x01;

    private final HostScoped<OemHostPort> port;
    private final HostScoped<BootOrderAssembler> assemblers = HostScoped.lazy(BootOrderAssembler::new);

    public OemCommands(HostScoped<OemHostPort> port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.hostOnly("OEM Report POST Code", NetFn.OEM, REPORT_POST_CODE, 1, 2, this::postCode),
                CommandSpec.hostOnly("OEM Report Boot Order", NetFn.OEM, REPORT_BOOT_ORDER, 2, 255, this::bootOrder),
                CommandSpec.hostOnly(
                        "OEM Get Pending Boot Order", NetFn.OEM, GET_PENDING_BOOT_ORDER, 0, 1, this::pending),
                CommandSpec.hostOnly("OEM Acknowledge Boot Order", NetFn.OEM, ACK_BOOT_ORDER, 1, 2, this::ack),
                CommandSpec.hostOnly("OEM Report Memory", NetFn.OEM, REPORT_MEMORY, 6, 6 + 32, this::memory));
    }

    private OemHostPort of(IpmiRequest r) {
        return port.forHost(r.context().hostIndex());
    }

    private IpmiResponse postCode(IpmiRequest r) {
        of(r).postCode(r.length() == 1 ? r.u8(0) : r.u16(0));
        return IpmiResponse.ok();
    }

    /** A chunk of the boot order: total, first index, options (length, ASCII) to the end of the data. */
    private IpmiResponse bootOrder(IpmiRequest r) {
        BootOrderAssembler assembler = assemblers.forHost(r.context().hostIndex());
        List<String> options;
        try {
            options = OemStrings.decode(r.data(), 2);
        } catch (IpmiException e) {
            assembler.discard();
            throw e;
        }
        assembler.accept(r.u8(0), r.u8(1), options).ifPresent(of(r)::bootOrderReported);
        return IpmiResponse.ok();
    }

    /** The chunk of the pending order from the requested pattern index (no data: index 0). */
    private IpmiResponse pending(IpmiRequest r) {
        int first = r.length() == 0 ? 0 : r.u8(0);
        return IpmiResponse.ok(
                PendingOrderChunk.of(of(r).pendingBootOrder(), first).encode());
    }

    private IpmiResponse ack(IpmiRequest r) {
        int status = r.u8(0);
        if (status != ACK_APPLIED && status != ACK_IGNORED) {
            throw new IpmiException(CompletionCode.PARAMETER_OUT_OF_RANGE, "ack status " + status);
        }
        of(r).bootOrderAcknowledged(status, r.length() == 2 ? OptionalInt.of(r.u8(1)) : OptionalInt.empty());
        return IpmiResponse.ok();
    }

    private IpmiResponse memory(IpmiRequest r) {
        long total = r.u16(0) | (long) r.u16(2) << 16;
        int populated = r.u8(4);
        int expected = r.u8(5);
        if (populated > expected) {
            throw new IpmiException(CompletionCode.INVALID_DATA_FIELD, "more DIMMs populated than expected");
        }
        Optional<SortedSet<Integer>> slots = Optional.empty();
        if (r.length() > 6) { // optional: populated-slot bitmap, slot n = byte n/8 bit n%8
            if (r.length() - 6 != (expected + 7) / 8) {
                throw new IpmiException(CompletionCode.INVALID_LENGTH, "slot bitmap length for " + expected);
            }
            SortedSet<Integer> set = new TreeSet<>();
            for (int n = 0; n < (r.length() - 6) * 8; n++) {
                if ((r.u8(6 + n / 8) >> (n % 8) & 1) != 0) {
                    if (n >= expected) {
                        throw new IpmiException(CompletionCode.INVALID_DATA_FIELD, "slot " + n + " not expected");
                    }
                    set.add(n);
                }
            }
            if (set.size() != populated) {
                throw new IpmiException(CompletionCode.INVALID_DATA_FIELD, "bitmap disagrees with the count");
            }
            slots = Optional.of(set);
        }
        of(r).memoryReported(new MemoryReport(total, populated, expected, slots));
        return IpmiResponse.ok();
    }
}
