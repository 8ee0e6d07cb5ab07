package dev.bmcagent.ipmi.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The table decides which channel may use which row; the dispatcher answers D4h for the others. */
class CommandRegistryTest {
    private static final int NETFN = 0x04;
    private static final int CMD = 0x02;
    private final List<String> handled = new CopyOnWriteArrayList<>();

    private CommandSpec row(CommandSpec.Access access, String tag) {
        return new CommandSpec("Event " + tag, NETFN, CMD, Privilege.OPERATOR, 0, 8, access, r -> {
            handled.add(tag);
            return IpmiResponse.ok();
        });
    }

    private static IpmiRequest lan(Privilege privilege) {
        return new IpmiRequest(new RequestContext(Channel.LAN, privilege, "op", 0x1234, 0), NETFN, 0, CMD, null);
    }

    private static IpmiRequest host() {
        return new IpmiRequest(RequestContext.systemInterface(0), NETFN, 0, CMD, null);
    }

    @Test
    void aCommandSplitByChannelRunsTheRowOfTheRequestsChannel() {
        Dispatcher d = new Dispatcher(CommandRegistry.builder()
                .add(row(CommandSpec.Access.SYSTEM_INTERFACE_ONLY, "host"))
                .add(row(CommandSpec.Access.SESSION_ONLY, "lan"))
                .build());
        assertEquals(CompletionCode.OK, d.dispatch(lan(Privilege.OPERATOR)).completionCode());
        assertEquals(CompletionCode.OK, d.dispatch(host()).completionCode());
        assertEquals(List.of("lan", "host"), handled);
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                d.dispatch(lan(Privilege.USER)).completionCode());
    }

    @Test
    void aHostOnlyRowAnswersD4hOnLanAndNeverRunsItsHandler() {
        Dispatcher d = new Dispatcher(CommandRegistry.builder()
                .add(row(CommandSpec.Access.SYSTEM_INTERFACE_ONLY, "host"))
                .build());
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                d.dispatch(lan(Privilege.ADMINISTRATOR)).completionCode());
        assertEquals(List.of(), handled);
        assertEquals(
                CompletionCode.INVALID_COMMAND,
                d.dispatch(new IpmiRequest(RequestContext.systemInterface(0), NETFN, 0, 0x03, null))
                        .completionCode());
    }

    @Test
    void rowsAChannelCouldBothReachAreDuplicates() {
        CommandRegistry.Builder b = CommandRegistry.builder().add(row(CommandSpec.Access.SESSION_ONLY, "lan"));
        assertThrows(IllegalStateException.class, () -> b.add(row(CommandSpec.Access.ANY, "any")));
        assertThrows(IllegalStateException.class, () -> b.add(row(CommandSpec.Access.SESSION_ONLY, "again")));
        CommandRegistry.Builder c = CommandRegistry.builder().add(row(CommandSpec.Access.ANY, "any"));
        assertThrows(IllegalStateException.class, () -> c.add(row(CommandSpec.Access.SYSTEM_INTERFACE_ONLY, "h")));
    }

    @Test
    void onlyPreSessionRowsAreAnsweredOutsideASession() {
        Dispatcher d = new Dispatcher(CommandRegistry.builder()
                .add(CommandSpec.preSession("Setup", NETFN, CMD, 0, 8, r -> {
                    handled.add("setup");
                    return IpmiResponse.ok();
                }))
                .add(new CommandSpec("Other", NETFN, 0x03, Privilege.CALLBACK, 0, 8, CommandSpec.Access.ANY, r -> {
                    handled.add("other");
                    return IpmiResponse.ok();
                }))
                .build());
        RequestContext outside = RequestContext.outsideSession(0);
        assertEquals(
                Optional.of(CompletionCode.OK),
                d.dispatchOutsideSession(new IpmiRequest(outside, NETFN, 0, CMD, null))
                        .map(IpmiResponse::completionCode));
        assertEquals(
                Optional.empty(),
                d.dispatchOutsideSession(new IpmiRequest(outside, NETFN, 0, 0x03, null)),
                "a command that needs a session is not answered before one exists");
        assertEquals(Optional.empty(), d.dispatchOutsideSession(new IpmiRequest(outside, NETFN, 0, 0x7F, null)));
        assertEquals(CompletionCode.OK, d.dispatch(lan(Privilege.USER)).completionCode(), "inside a session too");
        assertEquals(List.of("setup", "setup"), handled);
    }

    @Test
    void aPreSessionRowIsNoCommandOnTheSystemInterface() {
        Dispatcher d = new Dispatcher(CommandRegistry.builder()
                .add(row(CommandSpec.Access.PRE_SESSION, "setup"))
                .build());
        assertEquals(CompletionCode.INVALID_COMMAND, d.dispatch(host()).completionCode());
        assertEquals(List.of(), handled);
        assertThrows(
                IllegalStateException.class,
                () -> CommandRegistry.builder()
                        .add(row(CommandSpec.Access.PRE_SESSION, "setup"))
                        .add(row(CommandSpec.Access.SESSION_ONLY, "lan")),
                "both reach LAN");
    }
}
