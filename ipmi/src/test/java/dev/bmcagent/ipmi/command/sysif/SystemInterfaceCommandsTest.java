package dev.bmcagent.ipmi.command.sysif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPMI 2.0 §22.1-22.8 housekeeping commands through the real dispatcher. */
class SystemInterfaceCommandsTest {
    private final SystemInterfaceState host0 = new SystemInterfaceState();
    private final SystemInterfaceState host1 = new SystemInterfaceState();
    private final List<SystemInterfaceState> states = List.of(host0, host1);
    private final Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
            .addAll(SystemInterfaceCommands.specs(states::get))
            .build());

    private IpmiResponse send(int host, int cmd, int... data) {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) data[i];
        }
        return dispatcher.dispatch(new IpmiRequest(RequestContext.systemInterface(host), NetFn.APP, 0, cmd, bytes));
    }

    @Test
    void globalEnablesDefaultToEventLoggingOnly() {
        // Get BMC Global Enables (App 2Fh): cc 00, enables 08h (bit 3 system event logging)
        assertEquals(IpmiResponse.ok((byte) 0x08), send(0, 0x2F));
    }

    @Test
    void setGlobalEnablesIsPerHostAndReportsBit0Changes() {
        List<Boolean> changes = new ArrayList<>();
        host1.onReceiveInterruptChange(changes::add);
        assertEquals(IpmiResponse.ok(), send(1, 0x2E, 0x0D)); // bits 3, 2, 0
        assertEquals(IpmiResponse.ok((byte) 0x0D), send(1, 0x2F));
        assertEquals(IpmiResponse.ok((byte) 0x08), send(0, 0x2F), "host0 untouched");
        send(1, 0x2E, 0x0C); // bit 0 off
        send(1, 0x2E, 0x0E); // bit 0 stays off: no notification
        assertEquals(List.of(true, false), changes);
    }

    @Test
    void messageFlagsAreEmptyAndClearable() {
        assertEquals(IpmiResponse.ok(), send(0, 0x30, 0xEB)); // Clear Message Flags, all defined bits
        assertEquals(IpmiResponse.ok((byte) 0x00), send(0, 0x31));
    }

    @Test
    void readEventMessageBufferSaysNoData() {
        IpmiResponse r = send(0, 0x35);
        assertEquals(CompletionCode.of(0x80), r.completionCode());
        assertArrayEquals(new byte[0], r.data());
    }

    @Test
    void lengthsAndChannelAreCheckedByTheDispatcher() {
        assertEquals(CompletionCode.INVALID_LENGTH, send(0, 0x2E).completionCode());
        assertEquals(CompletionCode.INVALID_LENGTH, send(0, 0x2F, 0x01).completionCode());
        IpmiResponse lan = dispatcher.dispatch(new IpmiRequest(
                new RequestContext(Channel.LAN, Privilege.ADMINISTRATOR, "admin", 0x1234, 0),
                NetFn.APP,
                0,
                0x2E,
                new byte[] {1}));
        assertEquals(CompletionCode.INSUFFICIENT_PRIVILEGE, lan.completionCode());
    }

    @Test
    void resetRestoresDefaultsAndReportsInterruptOff() {
        List<Boolean> changes = new ArrayList<>();
        host0.onReceiveInterruptChange(changes::add);
        send(0, 0x2E, 0x0F);
        host0.reset();
        assertEquals(0x08, host0.globalEnables());
        assertEquals(List.of(true, false), changes);
    }
}
