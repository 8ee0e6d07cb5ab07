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
 * Platform Event Message (Sensor/Event 02h, IPMI 2.0 §29.3). From the system interface the first byte is the
 * generator ID (software ID, e.g. 01h BIOS); from LAN the generator is the remote console software ID 81h on
 * the request's channel. Then EvM rev (04h, or 03h for IPMI 1.0 senders), sensor type, sensor number, event
 * dir/type, event data 1 and optional data 2-3 (absent = FFh). The event goes into the SEL, then to the sink.
 */
public final class EventCommands {
    private static final int REMOTE_CONSOLE_SOFTWARE_ID = 0x81;

    private final HostScoped<SelStore> sel;
    private final HostScoped<PlatformEventSink> sink;

    public EventCommands(HostScoped<SelStore> sel, HostScoped<PlatformEventSink> sink) {
        this.sel = sel;
        this.sink = sink;
    }

    public List<CommandSpec> specs() {
        return List.of(CommandSpec.of("Platform Event Message", NetFn.SENSOR_EVENT, 0x02, Privilege.OPERATOR, 5, 8,
                this::platformEvent));
    }

    private IpmiResponse platformEvent(IpmiRequest rq) {
        byte[] d = rq.data();
        int at;
        int generator;
        if (rq.context().isSystemInterface()) {
            if (d.length < 6) {
                throw error(CompletionCode.INVALID_LENGTH, "system interface event needs a generator ID");
            }
            generator = d[0] & 0xFF;
            at = 1;
        } else {
            if (d.length > 7) {
                throw error(CompletionCode.INVALID_LENGTH, "too long for a LAN/IPMB event");
            }
            generator = REMOTE_CONSOLE_SOFTWARE_ID | (rq.context().channel().number() << 12);
            at = 0;
        }
        int evmRev = d[at] & 0xFF;
        if (evmRev != SystemEvent.EVM_REV_IPMI_2 && evmRev != 0x03) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "unsupported event message revision " + evmRev);
        }
        SystemEvent event = new SystemEvent(generator, evmRev, d[at + 1] & 0xFF, d[at + 2] & 0xFF, d[at + 3] & 0xFF,
                d[at + 4] & 0xFF, optional(d, at + 5), optional(d, at + 6));
        int host = rq.context().hostIndex();
        PlatformEventSink receiver = sink.forHost(host);
        SelRecord record = SelRecord.of(0, 0, event);
        if (rq.context().isSystemInterface() && receiver.recordsItself(record)) {
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

    private static int optional(byte[] d, int index) {
        return index < d.length ? d[index] & 0xFF : 0xFF;
    }
}
