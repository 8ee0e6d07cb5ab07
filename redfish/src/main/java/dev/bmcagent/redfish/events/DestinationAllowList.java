package dev.bmcagent.redfish.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where push subscriptions may deliver: host names (compared literally, case-insensitively, never resolved here), IP
 * addresses and CIDR blocks (e.g. {@code 127.0.0.0/8}, {@code ::1/128}). Whatever the list says, link-local
 * addresses (169.254.0.0/16, fe80::/10) and the cloud instance-metadata endpoints (by address and by name) are
 * refused: a subscription must not be a way to reach them from the BMC.
 */
public final class DestinationAllowList {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}\\.?)*");
    /** Instance-metadata names of the common clouds (AWS, GCP, Azure/OpenStack use link-local addresses). */
    private static final Set<String> METADATA_NAMES = Set.of(
            "metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal");
    /** Metadata addresses outside link-local: AWS IPv6 (fd00:ec2::254), Alibaba Cloud (100.100.100.200). */
    private static final List<Block> METADATA_BLOCKS =
            List.of(Block.parse("fd00:ec2::254/128"), Block.parse("100.100.100.200/32"));

    private static final List<Block> LINK_LOCAL = List.of(Block.parse("169.254.0.0/16"), Block.parse("fe80::/10"));

    private final Set<String> names;
    private final List<Block> blocks;

    private DestinationAllowList(Set<String> names, List<Block> blocks) {
        this.names = names;
        this.blocks = blocks;
    }

    /**
     * Parses the configured entries.
     *
     * @throws IllegalArgumentException naming the first entry that is neither a host name, an IP address nor a CIDR
     */
    public static DestinationAllowList of(List<String> entries) {
        Set<String> names = new java.util.HashSet<>();
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String e = strip(raw.trim().toLowerCase(Locale.ROOT));
            if (e.contains("/") || isIpLiteral(e)) {
                blocks.add(Block.parse(e.contains("/") ? e : e + (e.contains(":") ? "/128" : "/32")));
            } else if (NAME.matcher(e).matches() && e.length() <= 253) {
                names.add(e);
            } else {
                throw new IllegalArgumentException("'" + raw + "' is not a host name, IP address or CIDR block");
            }
        }
        return new DestinationAllowList(Set.copyOf(names), List.copyOf(blocks));
    }

    /** Whether a URL host (as {@link java.net.URI#getHost()} gives it) may be delivered to. */
    public boolean allows(String host) {
        String h = strip(host.toLowerCase(Locale.ROOT));
        if (METADATA_NAMES.contains(h)
                || METADATA_NAMES.contains(h.endsWith(".") ? h.substring(0, h.length() - 1) : h)) {
            return false;
        }
        if (!isIpLiteral(h)) {
            return names.contains(h);
        }
        Optional<byte[]> address = literal(h);
        if (address.isEmpty()) {
            return false;
        }
        byte[] a = address.get();
        if (LINK_LOCAL.stream().anyMatch(b -> b.contains(a))
                || METADATA_BLOCKS.stream().anyMatch(b -> b.contains(a))) {
            return false;
        }
        return blocks.stream().anyMatch(b -> b.contains(a));
    }

    private static String strip(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean isIpLiteral(String h) {
        return IPV4.matcher(h).matches() || h.contains(":");
    }

    /** The bytes of an IP literal without any lookup (an IPv4-mapped IPv6 address gives its IPv4 bytes). */
    static Optional<byte[]> literal(String h) {
        if (!isIpLiteral(h) || h.contains("%")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h).getAddress()); // a literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block: network bytes and prefix length. */
    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    private record Block(byte[] network, int prefix) {
        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String addr = strip(cidr.substring(0, slash));
            byte[] n =
                    literal(addr).orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not a CIDR block"));
            if (!cidr.substring(slash + 1).matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("'" + cidr + "' has no prefix length");
            }
            int p = Integer.parseInt(cidr.substring(slash + 1));
            if (p > n.length * 8) {
                throw new IllegalArgumentException("'" + cidr + "' prefix longer than the address");
            }
            return new Block(n, p);
        }

        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
