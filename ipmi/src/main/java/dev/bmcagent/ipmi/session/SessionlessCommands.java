package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandHandler;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The commands the session layer answers itself, before or outside a session, as a command table: one
 * {@link CommandSpec} row each, run by a {@link Dispatcher} like every other command (C1h unknown, C7h bad length,
 * FFh failure). Get Channel Authentication Capabilities (App 38h, IPMI 2.0 §22.13), Get Channel Cipher Suites
 * (App 54h, §22.15); IPMI v1.5 session activation (Get Session Challenge 39h, Activate Session 3Ah) has rows that
 * refuse it with C1h: RMCP+ only. The rows run before a session exists, so they require only Callback privilege.
 */
public final class SessionlessCommands {
    public static final int GET_CHANNEL_AUTH_CAPABILITIES = 0x38;
    public static final int GET_SESSION_CHALLENGE = 0x39;
    public static final int ACTIVATE_SESSION = 0x3A;
    public static final int GET_CHANNEL_CIPHER_SUITES = 0x54;
    /** "This channel" in a channel number field. */
    public static final int CURRENT_CHANNEL = 0x0E;

    private static final int RECORDS_PER_CHUNK = 16;
    private static final int ANY_LENGTH = 255;

    private final Dispatcher dispatcher;

    /** @param nullUsersEnabled whether Get Channel Authentication Capabilities reports null user names enabled */
    public SessionlessCommands(boolean nullUsersEnabled) {
        this.dispatcher = new Dispatcher(
                CommandRegistry.builder().addAll(specs(nullUsersEnabled)).build());
    }

    /** The rows of the pre-session table. */
    public static List<CommandSpec> specs(boolean nullUsersEnabled) {
        CommandHandler v15Refused = r -> IpmiResponse.error(CompletionCode.INVALID_COMMAND);
        return List.of(
                CommandSpec.of(
                        "Get Channel Authentication Capabilities",
                        NetFn.APP,
                        GET_CHANNEL_AUTH_CAPABILITIES,
                        Privilege.CALLBACK,
                        2,
                        2,
                        r -> authCapabilities(r.data(), nullUsersEnabled)),
                CommandSpec.of(
                        "Get Channel Cipher Suites",
                        NetFn.APP,
                        GET_CHANNEL_CIPHER_SUITES,
                        Privilege.CALLBACK,
                        3,
                        3,
                        r -> cipherSuites(r.data())),
                CommandSpec.of(
                        "Get Session Challenge (IPMI v1.5: refused)",
                        NetFn.APP,
                        GET_SESSION_CHALLENGE,
                        Privilege.CALLBACK,
                        0,
                        ANY_LENGTH,
                        v15Refused),
                CommandSpec.of(
                        "Activate Session (IPMI v1.5: refused)",
                        NetFn.APP,
                        ACTIVATE_SESSION,
                        Privilege.CALLBACK,
                        0,
                        ANY_LENGTH,
                        v15Refused));
    }

    /** True when the command is one of these (answered without a session). */
    public boolean handles(int netFn, int cmd) {
        return !dispatcher.registry().rows(netFn, cmd).isEmpty();
    }

    /**
     * The answer to a pre-session command from {@code context} (before login: LAN, Callback privilege, no session;
     * in a session: the session's context), empty when it is not one of these.
     */
    public Optional<IpmiResponse> handle(RequestContext context, int netFn, int lun, int cmd, byte[] data) {
        if (!handles(netFn, cmd)) {
            return Optional.empty();
        }
        return Optional.of(dispatcher.dispatch(new IpmiRequest(context, netFn, lun, cmd, data)));
    }

    /**
     * Response data (§22.13, table 22-15): channel, auth type support (bit 7 = IPMI v2.0 extended data; no
     * v1.5 auth types, since v1.5 sessions are refused), auth status (bit 2 non-null user names, bit 1 null
     * user names), extended capabilities (bit 1 = IPMI v2.0 connections), OEM ID (3), OEM aux.
     */
    static IpmiResponse authCapabilities(byte[] data, boolean nullUsersEnabled) {
        if (data.length != 2) {
            return IpmiResponse.error(CompletionCode.INVALID_LENGTH);
        }
        int channel = data[0] & 0x0F;
        int privilege = data[1] & 0x0F;
        if ((channel != CURRENT_CHANNEL && channel != Channel.LAN.number()) || privilege < 1 || privilege > 5) {
            return IpmiResponse.error(CompletionCode.INVALID_DATA_FIELD);
        }
        boolean extended = (data[0] & 0x80) != 0;
        int authTypes = extended ? 0x80 : 0x00;
        int status = 0x04 | (nullUsersEnabled ? 0x02 : 0x00);
        int capabilities = extended ? 0x02 : 0x00;
        return IpmiResponse.ok(
                (byte) Channel.LAN.number(),
                (byte) authTypes,
                (byte) status,
                (byte) capabilities,
                (byte) 0,
                (byte) 0,
                (byte) 0,
                (byte) 0);
    }

    /**
     * Response data (§22.15, table 22-18): channel number, then up to 16 bytes of the cipher suite records
     * starting at list index × 16. Listing by algorithm (bit 7 clear) returns the same records.
     */
    static IpmiResponse cipherSuites(byte[] data) {
        if (data.length != 3) {
            return IpmiResponse.error(CompletionCode.INVALID_LENGTH);
        }
        int channel = data[0] & 0x0F;
        if (channel != CURRENT_CHANNEL && channel != Channel.LAN.number()) {
            return IpmiResponse.error(CompletionCode.INVALID_DATA_FIELD);
        }
        byte[] records = CipherSuite.records();
        int from = Math.min((data[2] & 0x3F) * RECORDS_PER_CHUNK, records.length);
        int to = Math.min(from + RECORDS_PER_CHUNK, records.length);
        byte[] out = new byte[1 + to - from];
        out[0] = (byte) Channel.LAN.number();
        System.arraycopy(Arrays.copyOfRange(records, from, to), 0, out, 1, to - from);
        return IpmiResponse.ok(out);
    }
}
