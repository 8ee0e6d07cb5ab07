package dev.bmcagent.ipmi.command.sbmr;

import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.List;
import java.util.Objects;

/**
 * Arm Server Base Manageability Requirements (SBMR) boot progress commands, IPMI group extension NetFn 2Ch with
 * defining body AEh (SBMR 2.0 §F "Boot progress codes"): Send Boot Progress Code (02h, system interface only) and
 * Get Boot Progress Code (03h). Request byte 1 is the group; the 9-byte code is the UEFI PI EFI status code:
 * code type LE32, code value LE32, instance.
 *
 * <p>The registry keys NetFn 2Ch commands by (netFn, cmd) only, so these rows also receive other groups' commands
 * 02h/03h: PICMG (group 00h, "Get Shelf Address Info"/"Set Shelf Address Info", which this BMC does not implement)
 * is answered C1h exactly as the dispatcher answers any unknown command; any other group CCh.
 */
public final class SbmrCommands {
    public static final int GROUP_SBMR = 0xAE;
    public static final int GROUP_PICMG = 0x00;
    public static final int SEND_BOOT_PROGRESS_CODE = 0x02;
    public static final int GET_BOOT_PROGRESS_CODE = 0x03;
    /** Group byte + code type (4) + code value (4) + instance (1). */
    public static final int SEND_LENGTH = 10;

    private final HostScoped<BootProgressPort> port;

    public SbmrCommands(HostScoped<BootProgressPort> port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.hostOnly(
                        "Send Boot Progress Code",
                        NetFn.GROUP_EXTENSION,
                        SEND_BOOT_PROGRESS_CODE,
                        1,
                        SEND_LENGTH,
                        this::send),
                CommandSpec.of(
                        "Get Boot Progress Code",
                        NetFn.GROUP_EXTENSION,
                        GET_BOOT_PROGRESS_CODE,
                        Privilege.USER,
                        1,
                        1,
                        this::get));
    }

    private IpmiResponse send(IpmiRequest r) {
        checkGroup(r);
        if (r.length() != SEND_LENGTH) {
            return IpmiResponse.error(CompletionCode.INVALID_LENGTH);
        }
        port.forHost(r.context().hostIndex()).report(decode(r.data()));
        return IpmiResponse.ok((byte) GROUP_SBMR);
    }

    private IpmiResponse get(IpmiRequest r) {
        checkGroup(r);
        byte[] out = new byte[SEND_LENGTH];
        out[0] = (byte) GROUP_SBMR;
        port.forHost(r.context().hostIndex()).last().ifPresent(c -> encode(c, out));
        return IpmiResponse.ok(out);
    }

    private static void checkGroup(IpmiRequest r) {
        int group = r.u8(0);
        if (group == GROUP_PICMG) {
            throw new IpmiException(CompletionCode.INVALID_COMMAND, "PICMG command not implemented");
        }
        if (group != GROUP_SBMR) {
            throw new IpmiException(CompletionCode.INVALID_DATA_FIELD, "unknown group extension " + group);
        }
    }

    /** Decodes the request: AEh, code type LE32, code value LE32, instance. */
    static ProgressCode.EfiStatusCode decode(byte[] d) {
        return new ProgressCode.EfiStatusCode(le32(d, 1), le32(d, 5), d[9] & 0xFF);
    }

    /** Writes a code into bytes 1-9 of {@code out}. */
    static void encode(ProgressCode.EfiStatusCode c, byte[] out) {
        putLe32(out, 1, c.codeType());
        putLe32(out, 5, c.codeValue());
        out[9] = (byte) c.instance();
    }

    private static int le32(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 | (d[at + 2] & 0xFF) << 16 | (d[at + 3] & 0xFF) << 24;
    }

    private static void putLe32(byte[] d, int at, int v) {
        for (int i = 0; i < 4; i++) {
            d[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
