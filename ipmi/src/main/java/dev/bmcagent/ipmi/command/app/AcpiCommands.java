package dev.bmcagent.ipmi.command.app;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.List;
import java.util.Optional;

/**
 * Set ACPI Power State (App 06h, IPMI 2.0 §20.6; host only) and Get ACPI Power State (07h, §20.7). Request
 * byte 1 bit 7 = set the system state, bits 6:0 = code; byte 2 the same for the device state; code 7Fh =
 * no change; an unknown code answers C9h.
 */
public final class AcpiCommands {
    private static final int SET = 0x80;
    private static final int CODE = 0x7F;

    private final HostScoped<AcpiStatePort> acpi;

    public AcpiCommands(HostScoped<AcpiStatePort> acpi) {
        this.acpi = acpi;
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.hostOnly("Set ACPI Power State", NetFn.APP, 0x06, 2, 2, this::set),
                CommandSpec.of("Get ACPI Power State", NetFn.APP, 0x07, Privilege.USER, 0, 0, this::get));
    }

    private IpmiResponse set(IpmiRequest rq) {
        Optional<AcpiSystemState> system = Optional.empty();
        Optional<AcpiDeviceState> device = Optional.empty();
        int s = rq.u8(0);
        int d = rq.u8(1);
        if ((s & SET) != 0 && (s & CODE) != AcpiSystemState.NO_CHANGE) {
            system = Optional.of(AcpiSystemState.fromCommandCode(s & CODE)
                    .orElseThrow(() -> error(CompletionCode.PARAMETER_OUT_OF_RANGE, "unknown system state code")));
        }
        if ((d & SET) != 0 && (d & CODE) != AcpiDeviceState.NO_CHANGE) {
            device = Optional.of(AcpiDeviceState.fromCommandCode(d & CODE)
                    .orElseThrow(() -> error(CompletionCode.PARAMETER_OUT_OF_RANGE, "unknown device state code")));
        }
        if (system.isPresent() || device.isPresent()) {
            acpi.forHost(rq.context().hostIndex()).reportFromHost(system, device);
        }
        return IpmiResponse.ok();
    }

    private IpmiResponse get(IpmiRequest rq) {
        AcpiPowerState state = acpi.forHost(rq.context().hostIndex()).current();
        return IpmiResponse.ok(
                (byte) state.system().commandCode(), (byte) state.device().commandCode());
    }
}
