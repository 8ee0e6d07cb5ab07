package dev.bmcagent.simulator.ipmi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One IPMI request the simulated host sends on its system interface.
 *
 * @param name  what it is, for logs and test failures
 * @param netFn request network function
 * @param cmd   command code
 * @param data  request data (defensively copied)
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record HostRequest(String name, int netFn, int cmd, byte[] data) {
    public HostRequest {
        Objects.requireNonNull(name, "name");
        if ((netFn & 1) != 0 || netFn < 0 || netFn > 0x3E) {
            throw new IllegalArgumentException("netFn must be an even request code: " + netFn);
        }
        if (cmd < 0 || cmd > 0xFF) {
            throw new IllegalArgumentException("cmd out of range: " + cmd);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Data as upper-case hex pairs separated by spaces, e.g. "82 82". */
    public String hex() {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostRequest r
                && r.name.equals(name)
                && r.netFn == netFn
                && r.cmd == cmd
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, netFn, cmd, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s [%02Xh/%02Xh %s]", name, netFn, cmd, hex());
    }
}
