package dev.bmcagent.simulator.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherHostLinkTest {

    @Test
    void requestsArriveAsTheHostsSystemInterfaceAndSignalsCarryTheHostIndex() {
        List<IpmiRequest> seen = new ArrayList<>();
        Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
                .add(CommandSpec.hostOnly("Set ACPI Power State", 0x06, 0x06, 2, 2, r -> {
                    seen.add(r);
                    return IpmiResponse.ok();
                }))
                .build());
        List<String> signals = new ArrayList<>();
        DispatcherHostLink link = new DispatcherHostLink(dispatcher, 7, new DispatcherHostLink.Signals() {
            @Override
            public void powerGood(int hostIndex, boolean on) {
                signals.add(hostIndex + ":pg:" + on);
            }

            @Override
            public void platformReset(int hostIndex) {
                signals.add(hostIndex + ":reset");
            }
        });

        assertEquals(IpmiResponse.ok(), link.send(0x06, 0x06, new byte[] {(byte) 0x82, (byte) 0x82}));
        IpmiRequest r = seen.get(0);
        assertEquals(Channel.SYSTEM_INTERFACE, r.context().channel());
        assertEquals(7, r.context().hostIndex());
        assertEquals(0, r.lun());
        assertArrayEquals(new byte[] {(byte) 0x82, (byte) 0x82}, r.data());
        assertEquals(
                CompletionCode.INVALID_COMMAND,
                link.send(0x30, 0x10, new byte[] {0x1D}).completionCode());
        assertEquals(
                CompletionCode.INVALID_LENGTH,
                link.send(0x06, 0x06, new byte[] {0x00}).completionCode());

        link.powerGood(true);
        link.platformReset();
        assertEquals(List.of("7:pg:true", "7:reset"), signals);
    }
}
