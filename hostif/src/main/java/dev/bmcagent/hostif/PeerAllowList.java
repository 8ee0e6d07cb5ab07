package dev.bmcagent.hostif;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The peers that may connect to a host-interface port: IP literals or CIDR prefixes ({@code 127.0.0.1},
 * {@code ::1}, {@code 192.0.2.0/28}). Host names are refused (no DNS lookup decides who may drive the host). An
 * IPv4-mapped IPv6 peer ({@code ::ffff:127.0.0.1}) is matched as its IPv4 address. The default is the loopback
 * addresses only, {@code 127.0.0.1} and {@code ::1}: the host (QEMU) runs on the BMC itself.
 */
public final class PeerAllowList {
    private final List<Entry> entries;

    private PeerAllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** {@code 127.0.0.1} and {@code ::1}. */
    public static PeerAllowList loopback() {
        return of(List.of("127.0.0.1", "::1"));
    }

    /** Parses each entry; throws {@link IllegalArgumentException} naming the bad one. */
    public static PeerAllowList of(List<String> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the allowed peers list is empty: no host could connect");
        }
        return new PeerAllowList(entries.stream().map(PeerAllowList::parse).toList());
    }

    /** True when {@code address} matches an entry. */
    public boolean allows(InetAddress address) {
        byte[] bytes = canonical(address.getAddress());
        return entries.stream().anyMatch(e -> e.matches(bytes));
    }

    /** The entries as written ({@code address/prefix}). */
    public List<String> entries() {
        return entries.stream().map(Entry::toString).toList();
    }

    @Override
    public String toString() {
        return entries().toString();
    }

    private static Entry parse(String text) {
        String s = Objects.requireNonNull(text, "peer").trim();
        int slash = s.indexOf('/');
        String ip = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
        if (bytes == null) {
            throw new IllegalArgumentException("allowed peer '" + text + "' is not an IP literal or CIDR prefix");
        }
        bytes = canonical(bytes);
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("allowed peer '" + text + "': prefix must be 0.." + max);
            }
        }
        return new Entry(bytes, prefix);
    }

    /** IPv4-mapped IPv6 addresses as their 4 IPv4 bytes. */
    private static byte[] canonical(byte[] b) {
        if (b.length == 16) {
            boolean mapped = b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                return Arrays.copyOfRange(b, 12, 16);
            }
        }
        return b;
    }

    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    private record Entry(byte[] address, int prefix) {
        boolean matches(byte[] peer) {
            if (peer.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (peer[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (peer[full] & mask) == (address[full] & mask);
        }

        @Override
        public String toString() {
            try {
                InetAddress a = InetAddress.getByAddress(address);
                String ip = a instanceof Inet6Address ? NetUtil.toAddressString(a) : a.getHostAddress();
                return String.format(Locale.ROOT, "%s/%d", ip, prefix);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
