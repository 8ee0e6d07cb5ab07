package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import java.util.Arrays;
import java.util.Optional;

/**
 * The commands the session layer answers itself, before or outside a session: Get Channel Authentication
 * Capabilities (App 38h, IPMI 2.0 §22.13) and Get Channel Cipher Suites (App 54h, §22.15). IPMI v1.5
 * session activation (Get Session Challenge 39h, Activate Session 3Ah) is refused: RMCP+ only.
 */
public final class SessionlessCommands {
    public static final int GET_CHANNEL_AUTH_CAPABILITIES = 0x38;
    public static final int GET_SESSION_CHALLENGE = 0x39;
    public static final int ACTIVATE_SESSION = 0x3A;
    public static final int GET_CHANNEL_CIPHER_SUITES = 0x54;
    /** "This channel" in a channel number field. */
    public static final int CURRENT_CHANNEL = 0x0E;
    private static final int RECORDS_PER_CHUNK = 16;

    private SessionlessCommands() {
    }

    /** True when the command is one of these (answered without a session). */
    public static boolean handles(int netFn, int cmd) {
        return netFn == NetFn.APP && (cmd == GET_CHANNEL_AUTH_CAPABILITIES || cmd == GET_CHANNEL_CIPHER_SUITES
                || cmd == GET_SESSION_CHALLENGE || cmd == ACTIVATE_SESSION);
    }

    public static Optional<IpmiResponse> handle(int netFn, int cmd, byte[] data, boolean nullUsersEnabled) {
        if (!handles(netFn, cmd)) {
            return Optional.empty();
        }
        return Optional.of(switch (cmd) {
            case GET_CHANNEL_AUTH_CAPABILITIES -> authCapabilities(data, nullUsersEnabled);
            case GET_CHANNEL_CIPHER_SUITES -> cipherSuites(data);
            default -> IpmiResponse.error(CompletionCode.INVALID_COMMAND);
        });
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
        return IpmiResponse.ok((byte) Channel.LAN.number(), (byte) authTypes, (byte) status, (byte) capabilities,
                (byte) 0, (byte) 0, (byte) 0, (byte) 0);
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
