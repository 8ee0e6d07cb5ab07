package dev.bmcagent.ipmi.command.app;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Get Channel Info (App 42h, IPMI 2.0 §22.24) and Get Channel Access (41h, §22.23). Channels present: 01h
 * LAN (802.3, IPMB-1.0 protocol, multi-session) and 0Fh system interface (KCS, session-less); 0Eh means the
 * channel the request came in on. Every other channel (bmc-info and ipmi_si probe 00h-0Fh) answers CCh.
 */
public final class ChannelCommands {
    static final int CURRENT_CHANNEL = 0x0E;
    private static final int MEDIUM_802_3_LAN = 0x04;
    private static final int MEDIUM_SYSTEM_INTERFACE = 0x0C;
    private static final int PROTOCOL_IPMB_1_0 = 0x01;
    private static final int PROTOCOL_KCS = 0x05;
    private static final int MULTI_SESSION = 0x80;
    /** IPMI Forum IANA number 7154 (001BF2h), LS byte first. */
    private static final byte[] IPMI_FORUM_IANA = {(byte) 0xF2, 0x1B, 0x00};

    private static final int NO_INTERRUPT = 0xFF;

    private final IntSupplier activeLanSessions;

    /** @param activeLanSessions number of active RMCP+ sessions (from the session layer), 0-63 */
    public ChannelCommands(IntSupplier activeLanSessions) {
        this.activeLanSessions = activeLanSessions;
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("Get Channel Access", NetFn.APP, 0x41, Privilege.USER, 2, 2, this::access),
                CommandSpec.of("Get Channel Info", NetFn.APP, 0x42, Privilege.USER, 1, 1, this::info));
    }

    /** Resolves 0Eh to the request's channel; answers CCh for channels that do not exist. */
    static int channel(IpmiRequest rq, int requested) {
        int ch = requested == CURRENT_CHANNEL ? rq.context().channel().number() : requested;
        if (ch != Channel.LAN.number() && ch != Channel.SYSTEM_INTERFACE.number()) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "no channel " + ch);
        }
        return ch;
    }

    private IpmiResponse info(IpmiRequest rq) {
        int ch = channel(rq, rq.u8(0) & 0x0F);
        byte[] out = new byte[9];
        out[0] = (byte) ch;
        if (ch == Channel.LAN.number()) {
            out[1] = MEDIUM_802_3_LAN;
            out[2] = PROTOCOL_IPMB_1_0;
            out[3] = (byte) (MULTI_SESSION | Math.max(0, Math.min(0x3F, activeLanSessions.getAsInt())));
        } else {
            out[1] = MEDIUM_SYSTEM_INTERFACE;
            out[2] = PROTOCOL_KCS;
            out[3] = 0x00; // session-less
            out[7] = (byte) NO_INTERRUPT; // SMS interrupt type
            out[8] = (byte) NO_INTERRUPT; // event message buffer interrupt type
        }
        System.arraycopy(IPMI_FORUM_IANA, 0, out, 4, 3);
        return IpmiResponse.ok(out);
    }

    /** LAN only: always available, PEF alerting disabled, authentication on; limit Administrator. */
    private IpmiResponse access(IpmiRequest rq) {
        int ch = channel(rq, rq.u8(0) & 0x0F);
        int selector = rq.u8(1) >> 6;
        if (ch != Channel.LAN.number() || (selector != 1 && selector != 2)) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "no access settings for channel " + ch);
        }
        return IpmiResponse.ok((byte) 0x22, (byte) Privilege.ADMINISTRATOR.code());
    }
}
