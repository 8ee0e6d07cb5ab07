package dev.bmcagent.ipmi.command.sysinfo;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Set System Info Parameters (App 58h) and Get System Info Parameters (App 59h), IPMI 2.0 §22.14a/§22.14b.
 *
 * <p>String parameters travel in 16-byte blocks selected by the set selector: block 0 carries the encoding (bits
 * 3:0), the string length, and the first 14 bytes; block n carries bytes 14+16(n-1).. A string is complete, and
 * handed to the {@link SystemInfoPort}, when every block its length needs has arrived since its block 0; Get
 * answers the last complete string. Parameters: 00h set in progress, 01h system firmware version, 02h system name,
 * 03h primary OS name, 04h OS name, and this BMC's OEM parameters C0h-C7h: option-ROM firmware version of NIC 0-7,
 * C8h-CFh: manufacturer of that option ROM, D0h: system firmware vendor (SMBIOS Type 0), D8h-DFh: processor in
 * socket 0-7 (SMBIOS Type 4 Processor Version); for the OEM ones see also below
 * (same string encoding). Others answer 80h "parameter not supported".
 *
 * <p>Set is a system-interface-only row: only the host writes its own firmware inventory; a LAN session, whatever
 * its privilege, cannot (the dispatcher refuses it). Get is open to User on LAN.
 */
public final class SystemInfoCommands {
    public static final int SET_SYSTEM_INFO = 0x58;
    public static final int GET_SYSTEM_INFO = 0x59;
    public static final int SET_IN_PROGRESS = 0x00;
    public static final int SYSTEM_FIRMWARE_VERSION = 0x01;
    public static final int SYSTEM_NAME = 0x02;
    public static final int PRIMARY_OS_NAME = 0x03;
    public static final int OS_NAME = 0x04;
    /** OEM: option-ROM firmware version of NIC n is parameter C0h + n. */
    public static final int NIC_OPTION_ROM_BASE = 0xC0;

    public static final int MAX_NICS = 8;
    /** OEM: manufacturer of NIC n's option ROM is parameter C8h + n. */
    public static final int NIC_VENDOR_BASE = 0xC8;
    /** OEM: the system firmware's vendor (SMBIOS Type 0 "Vendor"). */
    public static final int SYSTEM_FIRMWARE_VENDOR = 0xD0;
    /** OEM: the processor in socket n (SMBIOS Type 4 "Processor Version") is parameter D8h + n. */
    public static final int PROCESSOR_BASE = 0xD8;

    public static final int MAX_SOCKETS = 8;
    /** Parameter revision: 1.1 (§22.14b). */
    static final int REVISION = 0x11;
    /** "Parameter not supported" (§22.14a). */
    public static final CompletionCode PARAMETER_NOT_SUPPORTED = CompletionCode.of(0x80);

    static final int FIRST_BLOCK = 14;
    static final int BLOCK = 16;
    /** Blocks 0..16 hold 14 + 16*16 = 270 >= 255 bytes. */
    static final int MAX_SET_SELECTOR = 16;

    private final IntFunction<SystemInfoPort> ports;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Integer, Integer> setInProgress = new HashMap<>();

    /** @param ports host index → that host's port */
    public SystemInfoCommands(IntFunction<SystemInfoPort> ports) {
        this.ports = ports;
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.hostOnly("Set System Info Parameters", NetFn.APP, SET_SYSTEM_INFO, 2, 2 + BLOCK, this::set),
                CommandSpec.of(
                        "Get System Info Parameters", NetFn.APP, GET_SYSTEM_INFO, Privilege.USER, 4, 4, this::get));
    }

    public static boolean isString(int parameter) {
        return (parameter >= SYSTEM_FIRMWARE_VERSION && parameter <= OS_NAME)
                || (parameter >= NIC_OPTION_ROM_BASE && parameter < NIC_OPTION_ROM_BASE + MAX_NICS)
                || (parameter >= NIC_VENDOR_BASE && parameter < NIC_VENDOR_BASE + MAX_NICS)
                || parameter == SYSTEM_FIRMWARE_VENDOR
                || (parameter >= PROCESSOR_BASE && parameter < PROCESSOR_BASE + MAX_SOCKETS);
    }

    private IpmiResponse set(IpmiRequest rq) {
        int host = rq.context().hostIndex();
        int parameter = rq.u8(0);
        if (parameter == SET_IN_PROGRESS) {
            int state = rq.u8(1) & 0x03;
            if (state == 0x03) {
                throw error(CompletionCode.INVALID_DATA_FIELD, "reserved set-in-progress state");
            }
            synchronized (this) {
                setInProgress.put(host, state == 0x02 ? 0x00 : state); // commit write completes at once
            }
            return IpmiResponse.ok();
        }
        if (!isString(parameter)) {
            return IpmiResponse.error(PARAMETER_NOT_SUPPORTED);
        }
        int selector = rq.u8(1);
        if (selector > MAX_SET_SELECTOR) {
            throw error(CompletionCode.PARAMETER_OUT_OF_RANGE, "set selector " + selector);
        }
        byte[] data = rq.data();
        Optional<SystemInfoString> done;
        synchronized (this) {
            long key = (long) host << 8 | parameter;
            if (selector == 0) {
                if (data.length < 4) {
                    throw error(CompletionCode.REQUEST_TRUNCATED, "block 0 needs encoding and length");
                }
                int encoding = data[2] & 0x0F;
                if (encoding > SystemInfoString.UNICODE) {
                    throw error(CompletionCode.INVALID_DATA_FIELD, "encoding " + encoding);
                }
                pending.put(key, new Pending(encoding, data[3] & 0xFF));
            }
            Pending p = pending.get(key);
            if (p == null) {
                throw error(CompletionCode.NOT_SUPPORTED_IN_PRESENT_STATE, "block " + selector + " before block 0");
            }
            p.accept(selector, data);
            done = p.complete();
            if (done.isPresent()) {
                pending.remove(key);
            }
        }
        done.ifPresent(s -> ports.apply(host).set(parameter, s));
        return IpmiResponse.ok();
    }

    private IpmiResponse get(IpmiRequest rq) {
        int host = rq.context().hostIndex();
        boolean revisionOnly = (rq.u8(0) & 0x80) != 0;
        int parameter = rq.u8(1);
        int selector = rq.u8(2);
        if (parameter != SET_IN_PROGRESS && !isString(parameter)) {
            return IpmiResponse.error(PARAMETER_NOT_SUPPORTED);
        }
        if (revisionOnly) {
            return IpmiResponse.ok((byte) REVISION);
        }
        if (parameter == SET_IN_PROGRESS) {
            int state;
            synchronized (this) {
                state = setInProgress.getOrDefault(host, 0);
            }
            return IpmiResponse.ok((byte) REVISION, (byte) state);
        }
        if (selector > MAX_SET_SELECTOR) {
            throw error(CompletionCode.PARAMETER_OUT_OF_RANGE, "set selector " + selector);
        }
        byte[] value =
                ports.apply(host).get(parameter).map(SystemInfoString::bytes).orElse(new byte[0]);
        int encoding =
                ports.apply(host).get(parameter).map(SystemInfoString::encoding).orElse(0);
        byte[] out = new byte[2 + BLOCK];
        out[0] = (byte) REVISION;
        out[1] = (byte) selector;
        if (selector == 0) {
            out[2] = (byte) encoding;
            out[3] = (byte) value.length;
            System.arraycopy(value, 0, out, 4, Math.min(FIRST_BLOCK, value.length));
        } else {
            int from = FIRST_BLOCK + BLOCK * (selector - 1);
            if (from < value.length) {
                System.arraycopy(value, from, out, 2, Math.min(BLOCK, value.length - from));
            }
        }
        return IpmiResponse.ok(out);
    }

    /** A string being written block by block. */
    private static final class Pending {
        private final int encoding;
        private final int length;
        private final byte[] buffer = new byte[FIRST_BLOCK + BLOCK * MAX_SET_SELECTOR];
        private final boolean[] received = new boolean[MAX_SET_SELECTOR + 1];

        Pending(int encoding, int length) {
            this.encoding = encoding;
            this.length = length;
        }

        void accept(int selector, byte[] data) {
            if (selector == 0) {
                System.arraycopy(data, 4, buffer, 0, Math.min(FIRST_BLOCK, data.length - 4));
            } else {
                System.arraycopy(
                        data, 2, buffer, FIRST_BLOCK + BLOCK * (selector - 1), Math.min(BLOCK, data.length - 2));
            }
            received[selector] = true;
        }

        Optional<SystemInfoString> complete() {
            int blocks = length <= FIRST_BLOCK ? 1 : 1 + (length - FIRST_BLOCK + BLOCK - 1) / BLOCK;
            for (int i = 0; i < blocks; i++) {
                if (!received[i]) {
                    return Optional.empty();
                }
            }
            return Optional.of(new SystemInfoString(encoding, java.util.Arrays.copyOf(buffer, length)));
        }
    }
}
