package dev.bmcagent.agent.config;

import dev.bmcagent.hostif.PeerAllowList;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where each listener binds: one decision per listener (YAML {@code ipmi.bind}, {@code redfish.bind},
 * {@code hostInterface.bind}, {@code mqtt.bind}; unset ones take the top-level {@code bind}, default loopback).
 * The host interface is unauthenticated (whoever reaches it acts as the host), so a non-loopback address for it
 * is refused unless {@code hostInterface.allowRemote} says the operator means it.
 *
 * @param ipmi                     IPMI RMCP+ (UDP) listen address
 * @param redfish                  Redfish (HTTPS) listen address
 * @param hostInterface            host interface (TCP) listen address
 * @param mqtt                     the demo's embedded MQTT broker listen address
 * @param allowRemoteHostInterface permit a non-loopback {@code hostInterface} address
 * @param hostInterfacePeers       who may connect to the host interface ({@code hostInterface.allowedPeers}: IP
 *                                 literals or CIDR prefixes, default 127.0.0.1 and ::1); a non-loopback entry needs
 *                                 {@code allowRemoteHostInterface} too
 */
public record Listeners(
        String ipmi,
        String redfish,
        String hostInterface,
        String mqtt,
        boolean allowRemoteHostInterface,
        List<String> hostInterfacePeers) {
    /** The host interface's peers when none are configured: the host runs on this machine (QEMU on the BMC). */
    public static final List<String> LOOPBACK_PEERS = List.of("127.0.0.1", "::1");

    /** Loopback peers only. */
    public Listeners(String ipmi, String redfish, String hostInterface, String mqtt, boolean allowRemoteHostInterface) {
        this(ipmi, redfish, hostInterface, mqtt, allowRemoteHostInterface, LOOPBACK_PEERS);
    }

    public Listeners {
        checkLiteral("ipmi.bind", ipmi);
        checkLiteral("redfish.bind", redfish);
        checkLiteral("hostInterface.bind", hostInterface);
        checkLiteral("mqtt.bind", mqtt);
        if (!isLoopback(hostInterface) && !allowRemoteHostInterface) {
            throw new ConfigException(
                    "hostInterface.bind",
                    hostInterface + " is not a loopback address. The host "
                            + "interface is unauthenticated: whoever reaches it acts as the host (power state, boot "
                            + "progress, power commands). Set hostInterface.bind (--host-interface-bind) to 127.0.0.1 or "
                            + "::1, or, if the host reaches the agent over a link you trust, also set "
                            + "hostInterface.allowRemote: true (--allow-remote-host-interface)");
        }
        hostInterfacePeers = List.copyOf(hostInterfacePeers);
        try {
            PeerAllowList.of(hostInterfacePeers);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("hostInterface.allowedPeers", e.getMessage());
        }
        if (!allowRemoteHostInterface && !hostInterfacePeers.stream().allMatch(Listeners::isLoopbackPeer)) {
            throw new ConfigException(
                    "hostInterface.allowedPeers",
                    hostInterfacePeers + " names a peer off loopback; "
                            + "a remote host also needs hostInterface.allowRemote: true and a reachable hostInterface.bind");
        }
    }

    /** An address in 127.0.0.0/8 or ::1, or a prefix inside them (IPv4 /8 or longer, ::1/128). */
    private static boolean isLoopbackPeer(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!isLoopback(address)) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        int bits = Integer.parseInt(entry.substring(slash + 1)); // PeerAllowList.of has checked it
        return NetUtil.isValidIpV4Address(address) ? bits >= 8 : bits == 128;
    }

    /** Every listener on {@code bind}. */
    public static Listeners all(String bind) {
        return new Listeners(bind, bind, bind, bind, false);
    }

    /** True for an IP literal in 127.0.0.0/8 or ::1 (false for anything else, including non-literals). */
    public static boolean isLoopback(String literal) {
        if (literal == null || (!NetUtil.isValidIpV4Address(literal) && !NetUtil.isValidIpV6Address(literal))) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static void checkLiteral(String key, String value) {
        if (value == null || (!NetUtil.isValidIpV4Address(value) && !NetUtil.isValidIpV6Address(value))) {
            throw new ConfigException(key, "'" + value + "' is not an IP literal (e.g. 127.0.0.1 or ::1)");
        }
    }
}
