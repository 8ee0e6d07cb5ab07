package dev.bmcagent.ipmi.command.chassis;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.sdr.SdrRecords;
import java.util.List;

/**
 * Chassis NetFn: Get Chassis Capabilities (00h, §28.1), Get Chassis Status (01h, §28.2), Chassis Control
 * (02h, §28.3), Chassis Identify (04h, §28.5), Get System Restart Cause (07h, §28.11). Boot options are in {@link BootOptionsCommands}.
 */
public final class ChassisCommands {
    private final HostScoped<HostControl> hosts;

    public ChassisCommands(HostScoped<HostControl> hosts) {
        this.hosts = hosts;
    }

    public List<CommandSpec> specs() {
        int c = NetFn.CHASSIS;
        return List.of(
                CommandSpec.of("Get Chassis Capabilities", c, 0x00, Privilege.USER, 0, 0, this::capabilities),
                CommandSpec.of(
                        "Get Chassis Status",
                        c,
                        0x01,
                        Privilege.USER,
                        0,
                        0,
                        rq -> IpmiResponse.ok(hosts.forHost(rq.context().hostIndex())
                                .chassisStatus()
                                .encode())),
                CommandSpec.of("Chassis Control", c, 0x02, Privilege.OPERATOR, 1, 1, this::control),
                CommandSpec.of("Chassis Identify", c, 0x04, Privilege.OPERATOR, 0, 2, this::identify),
                CommandSpec.of("Get System Restart Cause", c, 0x07, Privilege.USER, 0, 0, this::restartCause));
    }

    /** No intrusion sensor/lockout/diag button/interlock; this BMC holds the FRU, SDR, SEL and is the SM device. */
    private IpmiResponse capabilities(IpmiRequest rq) {
        byte bmc = (byte) SdrRecords.BMC_ADDRESS;
        return IpmiResponse.ok((byte) 0x00, bmc, bmc, bmc, bmc);
    }

    private IpmiResponse control(IpmiRequest rq) {
        ChassisAction action = ChassisAction.fromCode(rq.u8(0) & 0x0F)
                .filter(a -> (rq.u8(0) & 0xF0) == 0)
                .orElseThrow(() -> error(CompletionCode.INVALID_DATA_FIELD, "unknown chassis control"));
        return switch (hosts.forHost(rq.context().hostIndex()).powerControl(action)) {
            case DONE -> IpmiResponse.ok();
            case NOT_SUPPORTED -> IpmiResponse.error(CompletionCode.INVALID_DATA_FIELD);
            case NOT_IN_PRESENT_STATE -> IpmiResponse.error(CompletionCode.NOT_SUPPORTED_IN_PRESENT_STATE);
        };
    }

    /**
     * Byte 1 (optional): identify interval in seconds, 0 = off, default 15; byte 2 (optional): bit 0 force identify
     * on indefinitely, bits 7:1 reserved (non-zero: CCh).
     */
    private IpmiResponse identify(IpmiRequest rq) {
        int seconds = rq.data().length >= 1 ? rq.u8(0) : DEFAULT_IDENTIFY_SECONDS;
        boolean force = false;
        if (rq.data().length == 2) {
            if ((rq.u8(1) & 0xFE) != 0) {
                return IpmiResponse.error(CompletionCode.INVALID_DATA_FIELD);
            }
            force = (rq.u8(1) & 0x01) != 0;
        }
        return hosts.forHost(rq.context().hostIndex()).identify(seconds, force)
                ? IpmiResponse.ok()
                : IpmiResponse.error(CompletionCode.INVALID_COMMAND);
    }

    /** §28.5: "if the interval is not given, the default interval is 15 seconds". */
    static final int DEFAULT_IDENTIFY_SECONDS = 15;

    private IpmiResponse restartCause(IpmiRequest rq) {
        HostControl host = hosts.forHost(rq.context().hostIndex());
        return IpmiResponse.ok((byte) host.restartCause().code(), (byte) (host.restartChannel() & 0x0F));
    }
}
