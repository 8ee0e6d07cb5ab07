package dev.bmcagent.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.storage.SelCommands;
import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each host has its own SEL and its own reservation, chosen by the request's host index. */
class HostScopedTest {
    @Test
    void hostsDoNotShareSelOrReservations() {
        SelClock clock = new SelClock(new TestBmc.ManualClock(TestBmc.START));
        List<SelStore> sels = List.of(new InMemorySelStore(clock), new InMemorySelStore(clock));
        Dispatcher d = new Dispatcher(CommandRegistry.builder()
                .addAll(new SelCommands(sels::get, HostScoped.single(clock)).specs())
                .build());
        // host 1: reserve (0001h) then add an event via Add SEL Entry
        assertEquals("01 00", TestBmc.hex(d.dispatch(rq(1, 0x42, "")).data()));
        assertEquals(
                "01 00",
                TestBmc.hex(d.dispatch(rq(1, 0x44, "00 00 02 00 00 00 00 20 00 04 1F 07 6F 06 FF FF"))
                        .data()));
        assertEquals(0, sels.get(0).info().entries());
        assertEquals(1, sels.get(1).info().entries());
        // host 0's first reservation is also 0001h: independent counters
        assertEquals("01 00", TestBmc.hex(d.dispatch(rq(0, 0x42, "")).data()));
    }

    private static IpmiRequest rq(int host, int cmd, String hex) {
        return new IpmiRequest(
                new RequestContext(Channel.LAN, Privilege.ADMINISTRATOR, "admin", 7, host),
                NetFn.STORAGE,
                0,
                cmd,
                TestBmc.bytes(hex));
    }
}
