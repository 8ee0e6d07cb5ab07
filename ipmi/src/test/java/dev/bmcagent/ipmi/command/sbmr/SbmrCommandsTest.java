package dev.bmcagent.ipmi.command.sbmr;

import static dev.bmcagent.ipmi.command.TestBmc.bytes;
import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.ipmi.command.HostScoped;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Arm SBMR boot progress codes, group extension 2Ch / AEh (SBMR 2.0 appendix F). */
class SbmrCommandsTest {
    private final List<ProgressCode.EfiStatusCode> reported = new ArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
            .addAll(new SbmrCommands(HostScoped.single(new BootProgressPort() {
                        @Override
                        public void report(ProgressCode.EfiStatusCode code) {
                            reported.add(code);
                        }

                        @Override
                        public Optional<ProgressCode.EfiStatusCode> last() {
                            return reported.isEmpty()
                                    ? Optional.empty()
                                    : Optional.of(reported.get(reported.size() - 1));
                        }
                    }))
                    .specs())
            .build());

    private IpmiResponse host(int cmd, String hex) {
        return dispatcher.dispatch(
                new IpmiRequest(RequestContext.systemInterface(0), NetFn.GROUP_EXTENSION, 0, cmd, bytes(hex)));
    }

    private IpmiResponse lan(int cmd, String hex) {
        return dispatcher.dispatch(new IpmiRequest(
                new RequestContext(Channel.LAN, Privilege.ADMINISTRATOR, "admin", 0x1234, 0),
                NetFn.GROUP_EXTENSION,
                0,
                cmd,
                bytes(hex)));
    }

    @Test
    void sendDecodesTheEfiStatusCode() {
        IpmiResponse r = host(
                0x02,
                "AE" // byte 1: group extension AEh (Arm SBMR)
                        + " 01 00 00 00" // bytes 2-5: code type LE32 = 00000001h EFI_PROGRESS_CODE
                        + " 07 10 01 00" // bytes 6-9: code value LE32 = 00011007h secondary CPU init
                        + " 02"); // byte 10: instance 02h
        assertEquals(CompletionCode.OK, r.completionCode());
        assertEquals("AE", hex(r.data())); // response byte 2: group extension
        assertEquals(List.of(new ProgressCode.EfiStatusCode(0x01, 0x00011007, 0x02)), reported);
    }

    @Test
    void getReturnsTheLastCode() {
        assertEquals("AE 00 00 00 00 00 00 00 00 00", hex(host(0x03, "AE").data())); // nothing reported yet
        host(0x02, "AE 01 00 00 00 00 10 02 03 00");
        host(0x02, "AE 02 00 00 00 19 10 10 03 01"); // error code type, 03101019h
        assertEquals("AE 02 00 00 00 19 10 10 03 01", hex(lan(0x03, "AE").data()));
    }

    @Test
    void otherGroupsAndTransportsGetTheProtocolErrors() {
        assertEquals(CompletionCode.INVALID_COMMAND, host(0x02, "00 01").completionCode()); // PICMG: unknown
        assertEquals(CompletionCode.INVALID_COMMAND, lan(0x03, "00").completionCode());
        assertEquals(CompletionCode.INVALID_COMMAND, lan(0x00, "00").completionCode()); // PICMG probe
        assertEquals(CompletionCode.INVALID_COMMAND, lan(0x3E, "03").completionCode()); // HPM.2 probe
        assertEquals(CompletionCode.INVALID_DATA_FIELD, host(0x02, "03 00").completionCode()); // group 03h
        assertEquals(CompletionCode.INVALID_LENGTH, host(0x02, "AE 01 00 00 00").completionCode());
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                lan(0x02, "AE 01 00 00 00 00 10 02 03 00").completionCode()); // send: system interface only
        assertEquals(List.of(), reported);
    }
}
