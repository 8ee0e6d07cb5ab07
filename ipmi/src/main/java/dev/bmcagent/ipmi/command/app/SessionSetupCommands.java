package dev.bmcagent.ipmi.command.app;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.registry.CommandHandler;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.session.CipherSuite;
import java.util.List;

/**
 * What a remote console asks on LAN before it has a session (IPMI 2.0 §13.14–13.15): Get Channel Authentication
 * Capabilities (App 38h, §22.13) and Get Channel Cipher Suites (App 54h, §22.15); IPMI v1.5 session activation (Get
 * Session Challenge 39h, Activate Session 3Ah) has rows that refuse it with C1h: RMCP+ only. All are
 * {@link CommandSpec.Access#PRE_SESSION} rows: answered before login at Callback privilege and inside a session, not
 * on the system interface (C1h there, which has no sessions). The commands that act on a session itself (Set Session
 * Privilege Level 3Bh, Close Session 3Ch) and the RMCP+ handshake are the session layer's ({@code ipmi.session}).
 */
public final class SessionSetupCommands {
    public static final int GET_CHANNEL_AUTH_CAPABILITIES = 0x38;
    public static final int GET_SESSION_CHALLENGE = 0x39;
    public static final int ACTIVATE_SESSION = 0x3A;
    public static final int GET_CHANNEL_CIPHER_SUITES = 0x54;

    private static final int RECORDS_PER_CHUNK = 16;
    private static final int ANY_LENGTH = 255;

    private final boolean nullUserNamesEnabled;

    /**
     * @param nullUserNamesEnabled what Get Channel Authentication Capabilities reports of null user names: the LAN
     *                             endpoints' {@code IpmiLanOptions.allowInsecure()}
     */
    public SessionSetupCommands(boolean nullUserNamesEnabled) {
        this.nullUserNamesEnabled = nullUserNamesEnabled;
    }

    public List<CommandSpec> specs() {
        CommandHandler v15Refused = r -> IpmiResponse.error(CompletionCode.INVALID_COMMAND);
        return List.of(
                CommandSpec.preSession(
                        "Get Channel Authentication Capabilities",
                        NetFn.APP,
                        GET_CHANNEL_AUTH_CAPABILITIES,
                        2,
                        2,
                        this::authCapabilities),
                CommandSpec.preSession(
                        "Get Channel Cipher Suites",
                        NetFn.APP,
                        GET_CHANNEL_CIPHER_SUITES,
                        3,
                        3,
                        SessionSetupCommands::cipherSuites),
                CommandSpec.preSession(
                        "Get Session Challenge (IPMI v1.5: refused)",
                        NetFn.APP,
                        GET_SESSION_CHALLENGE,
                        0,
                        ANY_LENGTH,
                        v15Refused),
                CommandSpec.preSession(
                        "Activate Session (IPMI v1.5: refused)",
                        NetFn.APP,
                        ACTIVATE_SESSION,
                        0,
                        ANY_LENGTH,
                        v15Refused));
    }

    /**
     * Response data (§22.13, table 22-15): channel, auth type support (bit 7 = IPMI v2.0 extended data; no
     * v1.5 auth types, since v1.5 sessions are refused), auth status (bit 2 non-null user names, bit 1 null
     * user names), extended capabilities (bit 1 = IPMI v2.0 connections), OEM ID (3), OEM aux.
     */
    private IpmiResponse authCapabilities(IpmiRequest r) {
        byte[] data = r.data();
        int channel = data[0] & 0x0F;
        int privilege = data[1] & 0x0F;
        if ((channel != ChannelCommands.CURRENT_CHANNEL && channel != Channel.LAN.number())
                || privilege < 1
                || privilege > 5) {
            return IpmiResponse.error(CompletionCode.INVALID_DATA_FIELD);
        }
        boolean extended = (data[0] & 0x80) != 0;
        int authTypes = extended ? 0x80 : 0x00;
        int status = 0x04 | (nullUserNamesEnabled ? 0x02 : 0x00);
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
     * Response data (§22.15, table 22-18): channel number, then up to 16 bytes of the cipher suite records (those
     * the RMCP+ handshake accepts, {@link CipherSuite}) starting at list index × 16. Listing by algorithm (bit 7
     * clear) returns the same records.
     */
    private static IpmiResponse cipherSuites(IpmiRequest r) {
        byte[] data = r.data();
        int channel = data[0] & 0x0F;
        if (channel != ChannelCommands.CURRENT_CHANNEL && channel != Channel.LAN.number()) {
            return IpmiResponse.error(CompletionCode.INVALID_DATA_FIELD);
        }
        byte[] records = CipherSuite.records();
        int from = Math.min((data[2] & 0x3F) * RECORDS_PER_CHUNK, records.length);
        int to = Math.min(from + RECORDS_PER_CHUNK, records.length);
        byte[] out = new byte[1 + to - from];
        out[0] = (byte) Channel.LAN.number();
        System.arraycopy(records, from, out, 1, to - from);
        return IpmiResponse.ok(out);
    }
}
