package dev.bmcagent.ipmi.command.storage;

import static dev.bmcagent.ipmi.command.Bytes.error;
import static dev.bmcagent.ipmi.command.Bytes.le16;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.fru.FruImage;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.List;

/** Storage NetFn FRU commands (IPMI 2.0 §34) over the read-only FRU device 0 of each host. */
public final class FruCommands {
    private static final int FRU_DEVICE_ID = 0;

    private final HostScoped<FruImage> fru;

    public FruCommands(HostScoped<FruImage> fru) {
        this.fru = fru;
    }

    public List<CommandSpec> specs() {
        int s = NetFn.STORAGE;
        return List.of(
                CommandSpec.of("Get FRU Inventory Area Info", s, 0x10, Privilege.USER, 1, 1, this::areaInfo),
                CommandSpec.of("Read FRU Data", s, 0x11, Privilege.USER, 4, 4, this::read));
    }

    private FruImage image(IpmiRequest rq) {
        if (rq.u8(0) != FRU_DEVICE_ID) {
            throw error(CompletionCode.NOT_PRESENT, "no FRU device " + rq.u8(0));
        }
        return fru.forHost(rq.context().hostIndex());
    }

    /** §34.1: area size (LS first), access by bytes. */
    private IpmiResponse areaInfo(IpmiRequest rq) {
        byte[] out = new byte[3];
        le16(out, 0, image(rq).size());
        out[2] = 0x00; // bit 0 = 0: device accessed by bytes
        return IpmiResponse.ok(out);
    }

    /** §34.2: offset (LS first) and count; answers count returned + data, shortened at the area end. */
    private IpmiResponse read(IpmiRequest rq) {
        byte[] bytes = image(rq).bytes();
        int offset = rq.u16(1);
        int count = rq.u8(3);
        if (offset >= bytes.length) {
            throw error(CompletionCode.PARAMETER_OUT_OF_RANGE, "offset beyond FRU area");
        }
        int n = Math.min(count, bytes.length - offset);
        byte[] out = new byte[1 + n];
        out[0] = (byte) n;
        System.arraycopy(bytes, offset, out, 1, n);
        return IpmiResponse.ok(out);
    }
}
