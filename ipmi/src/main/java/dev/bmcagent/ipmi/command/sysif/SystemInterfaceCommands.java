package dev.bmcagent.ipmi.command.sysif;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The system-interface housekeeping commands a Linux guest's {@code ipmi_si} driver sends at load
 * (IPMI 2.0 §22), as host-only rows for the command table. This BMC has no receive message queue and
 * no event message buffer, so the message flags stay 00h and Read Event Message Buffer always answers
 * 80h "data not available" (as OpenIPMI {@code handle_read_event_msg_buffer()} does with an empty buffer).
 */
public final class SystemInterfaceCommands {
    public static final int SET_BMC_GLOBAL_ENABLES = 0x2E;
    public static final int GET_BMC_GLOBAL_ENABLES = 0x2F;
    public static final int CLEAR_MESSAGE_FLAGS = 0x30;
    public static final int GET_MESSAGE_FLAGS = 0x31;
    public static final int READ_EVENT_MESSAGE_BUFFER = 0x35;
    /** Read Event Message Buffer: "data not available (queue / buffer empty)" (§22.8). */
    public static final CompletionCode EVENT_BUFFER_EMPTY = CompletionCode.of(0x80);

    private SystemInterfaceCommands() {}

    /**
     * The rows. {@code stateOf} maps a request's host index to that host's state (one state per host,
     * shared with its {@code HostInterfaceServer} (module hostif)).
     */
    public static List<CommandSpec> specs(IntFunction<SystemInterfaceState> stateOf) {
        return List.of(
                CommandSpec.hostOnly("Set BMC Global Enables", NetFn.APP, SET_BMC_GLOBAL_ENABLES, 1, 1, r -> {
                    stateOf.apply(r.context().hostIndex()).setGlobalEnables(r.u8(0));
                    return IpmiResponse.ok();
                }),
                CommandSpec.hostOnly(
                        "Get BMC Global Enables",
                        NetFn.APP,
                        GET_BMC_GLOBAL_ENABLES,
                        0,
                        0,
                        r -> IpmiResponse.ok(
                                (byte) stateOf.apply(r.context().hostIndex()).globalEnables())),
                CommandSpec.hostOnly("Clear Message Flags", NetFn.APP, CLEAR_MESSAGE_FLAGS, 1, 1, r -> {
                    stateOf.apply(r.context().hostIndex()).clearMessageFlags(r.u8(0));
                    return IpmiResponse.ok();
                }),
                CommandSpec.hostOnly(
                        "Get Message Flags",
                        NetFn.APP,
                        GET_MESSAGE_FLAGS,
                        0,
                        0,
                        r -> IpmiResponse.ok(
                                (byte) stateOf.apply(r.context().hostIndex()).messageFlags())),
                CommandSpec.hostOnly(
                        "Read Event Message Buffer",
                        NetFn.APP,
                        READ_EVENT_MESSAGE_BUFFER,
                        0,
                        0,
                        r -> IpmiResponse.error(EVENT_BUFFER_EMPTY)));
    }
}
