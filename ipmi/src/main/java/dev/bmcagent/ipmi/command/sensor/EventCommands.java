package dev.bmcagent.ipmi.command.sensor;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.sel.SelOutOfSpaceException;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SystemEvent;
import java.util.List;

/**
 * Platform Event Message (Sensor/Event 02h, IPMI 2.0 §29.3), split by channel in the command table:
 * <ul>
 *   <li>from the host's system interface the first byte is the generator ID (software ID, e.g. 01h BIOS); the event
 *       is offered to the {@link PlatformEventSink}, which feeds the host lifecycle (boot progress, boot errors, OS
 *       boot, firmware hangs);</li>
 *   <li>from a LAN session the generator is the remote console software ID 81h with the request's channel in
 *       bits 15:12; the event is stored in the SEL as what it is and changes nothing else: an operator's
 *       {@code ipmitool raw 0x04 0x02 ...} must not declare the OS running while UEFI trains memory.</li>
 * </ul>
 * Then EvM rev (04h, or 03h for IPMI 1.0 senders), sensor type, sensor number, event dir/type, event data 1 and
 * optional data 2-3 (absent = FFh).
 */
public final class EventCommands {
    private static final int REMOTE_CONSOLE_SOFTWARE_ID = 0x81;
    private static final String NAME = "Platform Event Message";

    private final HostScoped<SelStore> sel;
    private final HostScoped<PlatformEventSink> sink;

    public EventCommands(HostScoped<SelStore> sel, HostScoped<PlatformEventSink> sink) {
        this.sel = sel;
        this.sink = sink;
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.hostOnly(NAME + " (system interface)", NetFn.SENSOR_EVENT, 0x02, 6, 8, this::fromHost),
                CommandSpec.sessionOnly(NAME, NetFn.SENSOR_EVENT, 0x02, Privilege.OPERATOR, 5, 7, this::fromLan));
    }

    private IpmiResponse fromHost(IpmiRequest rq) {
        byte[] d = rq.data();
        SystemEvent event = decode(d[0] & 0xFF, d, 1);
        int host = rq.context().hostIndex();
        PlatformEventSink receiver = sink.forHost(host);
        SelRecord record = SelRecord.of(0, 0, event);
        if (receiver.recordsItself(record)) {
            return IpmiResponse.ok(); // the receiver writes the SEL record itself, owned by the BMC: no raw copy
        }
        SelStore store = sel.forHost(host);
        int id;
        try {
            id = store.append(record);
        } catch (SelOutOfSpaceException e) {
            throw error(CompletionCode.OUT_OF_SPACE, e.getMessage()); // C4h: the event could not be logged
        }
        store.get(id).ifPresent(receiver::onPlatformEvent);
        return IpmiResponse.ok();
    }

    private IpmiResponse fromLan(IpmiRequest rq) {
        int generator = REMOTE_CONSOLE_SOFTWARE_ID | (rq.context().channel().number() << 12);
        SystemEvent event = decode(generator, rq.data(), 0);
        sel.forHost(rq.context().hostIndex()).append(SelRecord.of(0, 0, event));
        return IpmiResponse.ok();
    }

    private static SystemEvent decode(int generator, byte[] d, int at) {
        int evmRev = d[at] & 0xFF;
        if (evmRev != SystemEvent.EVM_REV_IPMI_2 && evmRev != 0x03) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "unsupported event message revision " + evmRev);
        }
        return new SystemEvent(
                generator,
                evmRev,
                d[at + 1] & 0xFF,
                d[at + 2] & 0xFF,
                d[at + 3] & 0xFF,
                d[at + 4] & 0xFF,
                optional(d, at + 5),
                optional(d, at + 6));
    }

    private static int optional(byte[] d, int index) {
        return index < d.length ? d[index] & 0xFF : 0xFF;
    }
}
