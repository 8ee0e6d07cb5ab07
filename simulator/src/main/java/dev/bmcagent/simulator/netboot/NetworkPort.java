package dev.bmcagent.simulator.netboot;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One network port a host can boot from.
 *
 * @param index       0-based interface index across the host's NICs (reported in boot error events)
 * @param adapterName how the vendor's firmware names the adapter, e.g. "Intel Network Adapter"
 * @param mac         MAC address, upper-case, colon separated
 * @param portNumber  1-based port number on the adapter (the "P1" suffix)
 */
public record NetworkPort(int index, String adapterName, String mac, int portNumber) {
    private static final Pattern MAC = Pattern.compile("([0-9A-F]{2}:){5}[0-9A-F]{2}");

    public NetworkPort {
        Objects.requireNonNull(adapterName, "adapterName");
        Objects.requireNonNull(mac, "mac");
        if (index < 0 || index > 0xFF) {
            throw new IllegalArgumentException("interface index out of range: " + index);
        }
        if (!MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("bad MAC " + mac);
        }
        if (portNumber < 1) {
            throw new IllegalArgumentException("port number must be >= 1: " + portNumber);
        }
    }
}
