package dev.bmcagent.ipmi.command.storage;

import static dev.bmcagent.ipmi.command.Bytes.error;
import static dev.bmcagent.ipmi.command.Bytes.le16;
import static dev.bmcagent.ipmi.command.Bytes.le32;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.sel.Reservation;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelInfo;
import dev.bmcagent.ipmi.sel.SelOutOfSpaceException;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SelTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Storage NetFn SEL commands (IPMI 2.0 §31), privileges per Appendix G. */
public final class SelCommands {
    static final int FIRST = 0x0000;
    static final int LAST = 0xFFFF;
    static final int READ_ENTIRE = 0xFF;

    private final HostScoped<SelStore> sel;
    private final HostScoped<SelClock> clock;
    private final HostScoped<Reservation> reservations = HostScoped.lazy(Reservation::new);

    public SelCommands(HostScoped<SelStore> sel, HostScoped<SelClock> clock) {
        this.sel = sel;
        this.clock = clock;
    }

    public List<CommandSpec> specs() {
        int s = NetFn.STORAGE;
        return List.of(
                CommandSpec.of("Get SEL Info", s, 0x40, Privilege.USER, 0, 0, this::info),
                CommandSpec.of("Get SEL Allocation Info", s, 0x41, Privilege.USER, 0, 0, this::allocation),
                CommandSpec.of("Reserve SEL", s, 0x42, Privilege.USER, 0, 0, this::reserve),
                CommandSpec.of("Get SEL Entry", s, 0x43, Privilege.USER, 6, 6, this::getEntry),
                CommandSpec.of("Add SEL Entry", s, 0x44, Privilege.OPERATOR, 16, 16, this::add),
                CommandSpec.of("Delete SEL Entry", s, 0x46, Privilege.OPERATOR, 4, 4, this::delete),
                CommandSpec.of("Clear SEL", s, 0x47, Privilege.OPERATOR, 6, 6, this::clear),
                CommandSpec.of("Get SEL Time", s, 0x48, Privilege.USER, 0, 0, this::getTime),
                CommandSpec.of("Set SEL Time", s, 0x49, Privilege.OPERATOR, 4, 4, this::setTime));
    }

    /** §31.2: version, entries, free bytes, last add, last erase, operation support. */
    private IpmiResponse info(IpmiRequest rq) {
        SelInfo i = sel.forHost(rq.context().hostIndex()).info();
        byte[] out = new byte[14];
        out[0] = 0x51; // SEL version 1.5/2.0
        le16(out, 1, i.entries());
        le16(out, 3, i.freeBytes());
        le32(out, 5, i.lastAddTimestamp());
        le32(out, 9, i.lastEraseTimestamp());
        // bit 7 overflow, bit 3 delete supported, bit 1 reserve supported, bit 0 allocation info supported
        out[13] = (byte) ((i.overflow() ? 0x80 : 0) | 0x0B);
        return IpmiResponse.ok(out);
    }

    /** §31.3: units, unit size, free units, largest free block, maximum record size. */
    private IpmiResponse allocation(IpmiRequest rq) {
        SelStore store = sel.forHost(rq.context().hostIndex());
        int free = store.info().freeBytes() / SelRecord.LENGTH;
        byte[] out = new byte[9];
        le16(out, 0, store.capacity());
        le16(out, 2, SelRecord.LENGTH);
        le16(out, 4, free);
        le16(out, 6, free);
        out[8] = 1; // maximum record size in units: one 16-byte unit
        return IpmiResponse.ok(out);
    }

    private IpmiResponse reserve(IpmiRequest rq) {
        byte[] out = new byte[2];
        le16(out, 0, reservations.forHost(rq.context().hostIndex()).reserve());
        return IpmiResponse.ok(out);
    }

    /**
     * §31.5: reservation (checked only when the offset is non-zero, so whole-record reads with reservation
     * 0000h work), record ID (0000h first, FFFFh last), offset, bytes to read (FFh = to the end).
     */
    private IpmiResponse getEntry(IpmiRequest rq) {
        int host = rq.context().hostIndex();
        int reservation = rq.u16(0);
        int id = rq.u16(2);
        int offset = rq.u8(4);
        int length = rq.u8(5);
        if (offset != 0 && !reservations.forHost(host).isValid(reservation)) {
            throw error(CompletionCode.RESERVATION_CANCELLED, "stale SEL reservation");
        }
        SelStore store = sel.forHost(host);
        SelRecord record = find(store, id).orElseThrow(() -> error(CompletionCode.NOT_PRESENT, "no SEL record " + id));
        byte[] bytes = record.encode();
        if (offset >= bytes.length) {
            throw error(CompletionCode.PARAMETER_OUT_OF_RANGE, "offset beyond record");
        }
        int end = length == READ_ENTIRE ? bytes.length : offset + length;
        if (end > bytes.length) {
            throw error(CompletionCode.CANNOT_RETURN_REQUESTED_BYTES, "read past the record");
        }
        int next = store.nextId(record.recordId()).orElse(LAST);
        byte[] out = new byte[2 + end - offset];
        le16(out, 0, next);
        System.arraycopy(bytes, offset, out, 2, end - offset);
        return IpmiResponse.ok(out);
    }

    private static Optional<SelRecord> find(SelStore store, int id) {
        return switch (id) {
            case FIRST -> store.first();
            case LAST -> store.last();
            default -> store.get(id);
        };
    }

    /** §31.6: the BMC assigns the record ID and, for timestamped types, the timestamp. */
    private IpmiResponse add(IpmiRequest rq) {
        SelRecord record;
        try {
            record = SelRecord.decode(rq.data());
        } catch (IllegalArgumentException e) {
            throw error(CompletionCode.INVALID_DATA_FIELD, e.getMessage());
        }
        int id;
        try {
            id = sel.forHost(rq.context().hostIndex()).append(record);
        } catch (SelOutOfSpaceException e) {
            throw error(CompletionCode.OUT_OF_SPACE, e.getMessage()); // C4h: storage full, record not added
        }
        byte[] out = new byte[2];
        le16(out, 0, id);
        return IpmiResponse.ok(out);
    }

    /** §31.8: needs the live reservation; answers the deleted record's ID. */
    private IpmiResponse delete(IpmiRequest rq) {
        int host = rq.context().hostIndex();
        Reservation reservation = reservations.forHost(host);
        if (!reservation.isValid(rq.u16(0))) {
            throw error(CompletionCode.RESERVATION_CANCELLED, "stale SEL reservation");
        }
        SelStore store = sel.forHost(host);
        int id = rq.u16(2);
        SelRecord record = find(store, id).orElseThrow(() -> error(CompletionCode.NOT_PRESENT, "no SEL record " + id));
        store.delete(record.recordId());
        reservation.cancel();
        byte[] out = new byte[2];
        le16(out, 0, record.recordId());
        return IpmiResponse.ok(out);
    }

    private static final byte[] CLR = {'C', 'L', 'R'};
    private static final int INITIATE_ERASE = 0xAA;
    private static final int GET_ERASE_STATUS = 0x00;
    private static final int ERASURE_COMPLETED = 0x01;

    /**
     * §31.9: reservation, 'C' 'L' 'R', AAh initiate / 00h get status; erasure completes at once. Initiating
     * needs the live reservation and cancels it (§31.4); a status query is answered without checking it, so a
     * client polling after its own erase (with the reservation the erase just cancelled) gets "completed".
     */
    private IpmiResponse clear(IpmiRequest rq) {
        int host = rq.context().hostIndex();
        if (!Arrays.equals(Arrays.copyOfRange(rq.data(), 2, 5), CLR)) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "missing 'CLR'");
        }
        int action = rq.u8(5);
        if (action == INITIATE_ERASE) {
            Reservation reservation = reservations.forHost(host);
            if (!reservation.isValid(rq.u16(0))) {
                throw error(CompletionCode.RESERVATION_CANCELLED, "stale SEL reservation");
            }
            sel.forHost(host).clear();
            reservation.cancel();
        } else if (action != GET_ERASE_STATUS) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "unknown clear action");
        }
        return IpmiResponse.ok((byte) ERASURE_COMPLETED);
    }

    private IpmiResponse getTime(IpmiRequest rq) {
        byte[] out = new byte[4];
        le32(out, 0, SelTime.seconds(clock.forHost(rq.context().hostIndex())));
        return IpmiResponse.ok(out);
    }

    private IpmiResponse setTime(IpmiRequest rq) {
        long seconds = rq.u16(0) | (long) rq.u16(2) << 16;
        clock.forHost(rq.context().hostIndex()).set(seconds);
        return IpmiResponse.ok();
    }
}
