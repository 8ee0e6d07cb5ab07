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
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sel.Reservation;
import dev.bmcagent.ipmi.sel.SelInfo;
import java.util.List;

/**
 * Storage NetFn SDR repository commands (IPMI 2.0 §33). Get SDR serves any offset/length inside a record,
 * FFh for "the rest of the record", and CAh when the requested bytes run past the record end (FreeIPMI then
 * falls back to 16-byte partial reads; ipmitool reads the 5-byte header, then chunks up to the end).
 */
public final class SdrCommands {
    private static final int READ_ENTIRE = 0xFF;
    private static final int LAST = 0xFFFF;

    private final HostScoped<SdrRepository> sdr;
    private final HostScoped<Reservation> reservations = HostScoped.lazy(Reservation::new);

    public SdrCommands(HostScoped<SdrRepository> sdr) {
        this.sdr = sdr;
    }

    public List<CommandSpec> specs() {
        int s = NetFn.STORAGE;
        return List.of(
                CommandSpec.of("Get SDR Repository Info", s, 0x20, Privilege.USER, 0, 0, this::info),
                CommandSpec.of("Reserve SDR Repository", s, 0x22, Privilege.USER, 0, 0, this::reserve),
                CommandSpec.of("Get SDR", s, 0x23, Privilege.USER, 6, 6, this::get));
    }

    /** §33.9: version, record count, free space, last add, last erase, operation support. */
    private IpmiResponse info(IpmiRequest rq) {
        SdrRepository repo = sdr.forHost(rq.context().hostIndex());
        byte[] out = new byte[14];
        out[0] = 0x51; // SDR version
        le16(out, 1, repo.size()); // record count
        le16(out, 3, 0); // free space: read-only repository
        le32(out, 5, repo.addTimestamp()); // most recent addition
        le32(out, 9, SelInfo.NEVER); // most recent erase: never
        out[13] = 0x02; // Reserve SDR Repository supported
        return IpmiResponse.ok(out);
    }

    private IpmiResponse reserve(IpmiRequest rq) {
        byte[] out = new byte[2];
        le16(out, 0, reservations.forHost(rq.context().hostIndex()).reserve());
        return IpmiResponse.ok(out);
    }

    /** §33.12: reservation (checked when offset != 0), record ID (0000h first, FFFFh last), offset, length. */
    private IpmiResponse get(IpmiRequest rq) {
        int host = rq.context().hostIndex();
        int id = rq.u16(2);
        int offset = rq.u8(4);
        int length = rq.u8(5);
        if (offset != 0 && !reservations.forHost(host).isValid(rq.u16(0))) {
            throw error(CompletionCode.RESERVATION_CANCELLED, "stale SDR reservation");
        }
        SdrRepository repo = sdr.forHost(host);
        byte[] record = repo.record(id).orElseThrow(() -> error(CompletionCode.NOT_PRESENT, "no SDR " + id));
        if (offset >= record.length) {
            throw error(CompletionCode.PARAMETER_OUT_OF_RANGE, "offset beyond record");
        }
        int end = length == READ_ENTIRE ? record.length : offset + length;
        if (end > record.length) {
            throw error(CompletionCode.CANNOT_RETURN_REQUESTED_BYTES, "read past the record end");
        }
        byte[] out = new byte[2 + end - offset];
        le16(out, 0, repo.nextId(record).orElse(LAST));
        System.arraycopy(record, offset, out, 2, end - offset);
        return IpmiResponse.ok(out);
    }
}
