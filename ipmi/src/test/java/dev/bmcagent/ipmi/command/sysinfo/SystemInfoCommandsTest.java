package dev.bmcagent.ipmi.command.sysinfo;

import static dev.bmcagent.ipmi.command.TestBmc.bytes;
import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Set/Get System Info Parameters, IPMI 2.0 §22.14a/b: 16-byte blocks, block 0 with encoding and length. */
class SystemInfoCommandsTest {
    private final Map<Integer, SystemInfoString> stored = new HashMap<>();
    private int completions;
    private final Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
            .addAll(new SystemInfoCommands(host -> new SystemInfoPort() {
                        @Override
                        public Optional<SystemInfoString> get(int parameter) {
                            return Optional.ofNullable(stored.get(parameter));
                        }

                        @Override
                        public void set(int parameter, SystemInfoString value) {
                            completions++;
                            stored.put(parameter, value);
                        }
                    })
                    .specs())
            .build());

    private IpmiResponse host(int cmd, String hex) {
        return dispatcher.dispatch(new IpmiRequest(RequestContext.systemInterface(0), NetFn.APP, 0, cmd, bytes(hex)));
    }

    private IpmiResponse lan(int cmd, String hex) {
        return dispatcher.dispatch(new IpmiRequest(
                new RequestContext(Channel.LAN, Privilege.ADMINISTRATOR, "admin", 0x1234, 0),
                NetFn.APP,
                0,
                cmd,
                bytes(hex)));
    }

    @Test
    void aTwentyByteVersionInTwoBlocksIsCompleteAfterTheSecond() {
        // "EDK2 2025.02-rc1.7x" = 19 bytes: block 0 carries 14, block 1 the other 5
        IpmiResponse first = host(
                0x58,
                "01" // byte 1: parameter 01h system firmware version
                        + " 00" // byte 2: set selector 0
                        + " 00" // byte 3: encoding [3:0] 0 = ASCII+Latin-1
                        + " 13" // byte 4: string length 19
                        + " 45 44 4B 32 20 32 30 32 35 2E 30 32 2D 72"); // bytes 5-18: "EDK2 2025.02-r"
        assertEquals(CompletionCode.OK, first.completionCode());
        assertEquals(0, completions, "not complete after block 0");
        host(0x58, "01 01" + " 63 31 2E 37 78" + " 00 00 00 00 00 00 00 00 00 00 00"); // "c1.7x", zero padded
        assertEquals(1, completions);
        assertEquals("EDK2 2025.02-rc1.7x", stored.get(1).text());

        IpmiResponse block0 = lan(
                0x59,
                "00" // byte 1: [7]=0 get parameter
                        + " 01 00 00"); // parameter 01h, set selector 0, block selector 0
        assertEquals("11 00 00 13 45 44 4B 32 20 32 30 32 35 2E 30 32 2D 72", hex(block0.data()));
        IpmiResponse block1 = lan(0x59, "00 01 01 00");
        assertEquals("11 01 63 31 2E 37 78 00 00 00 00 00 00 00 00 00 00 00", hex(block1.data()));
        assertEquals("11", hex(lan(0x59, "80 01 00 00").data()), "revision only");
    }

    @Test
    void setFromLanIsRefusedAndChangesNothing() {
        host(0x58, "01 00 00 03 41 42 43");
        IpmiResponse r = lan(0x58, "01 00 00 03 58 59 5A");
        assertNotEquals(CompletionCode.OK, r.completionCode());
        assertEquals("ABC", stored.get(1).text());
    }

    @Test
    void unknownParametersAndBadBlocks() {
        assertEquals(0x80, host(0x58, "05 00 00 01 41").completionCode().value()); // not supported
        assertEquals(0x80, lan(0x59, "00 BF 00 00").completionCode().value());
        assertEquals(0xD5, host(0x58, "02 01 41 42").completionCode().value()); // block 1 first
        assertEquals(0xC9, host(0x58, "02 11 41 42").completionCode().value()); // selector 17
        assertEquals(0xCC, host(0x58, "02 00 07 01 41").completionCode().value()); // encoding 7
        assertEquals(CompletionCode.OK, host(0x58, "C1 00 01 04 31 2E 32 33").completionCode()); // NIC 1, UTF-8
        assertEquals("1.23", stored.get(0xC1).text());
        assertEquals("11 00", hex(lan(0x59, "00 00 00 00").data())); // set complete
    }
}
