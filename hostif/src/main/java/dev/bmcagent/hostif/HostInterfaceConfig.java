package dev.bmcagent.hostif;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one host's VM-protocol server.
 *
 * @param hostIndex        which host (0..N-1); the default port is {@code 9002 + hostIndex}
 * @param bindHost         listen address; loopback by default ("127.0.0.1")
 * @param port             TCP port; 0 picks a free one (tests)
 * @param startCommand     argv run (no shell) when power-on is asked and no host is connected, like
 *                         ipmi_sim's {@code startcmd}; empty: power-on needs a connected extension peer
 * @param capabilitiesWait how long after accept to wait for {@code 08 xx A1} before announcing the
 *                         host as connected with no capabilities
 * @param allowedPeers     who may connect (default loopback: 127.0.0.1 and ::1); anyone else is closed at once
 * @param limits           idle probe, replacement wait, output high-water mark, unread deadline, in-flight requests
 */
public record HostInterfaceConfig(
        int hostIndex,
        String bindHost,
        int port,
        List<String> startCommand,
        Duration capabilitiesWait,
        PeerAllowList allowedPeers,
        HostPortLimits limits) {
    public static final int BASE_PORT = 9002;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final Duration DEFAULT_CAPABILITIES_WAIT = Duration.ofSeconds(1);

    public HostInterfaceConfig {
        if (hostIndex < 0) {
            throw new IllegalArgumentException("hostIndex must be >= 0: " + hostIndex);
        }
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        startCommand = List.copyOf(Objects.requireNonNull(startCommand, "startCommand"));
        Objects.requireNonNull(capabilitiesWait, "capabilitiesWait");
        if (capabilitiesWait.isNegative()) {
            throw new IllegalArgumentException("capabilitiesWait must not be negative");
        }
        Objects.requireNonNull(allowedPeers, "allowedPeers");
        Objects.requireNonNull(limits, "limits");
    }

    /** 127.0.0.1, port 9002 + hostIndex, no start command, loopback peers only, default limits. */
    public static HostInterfaceConfig defaults(int hostIndex) {
        return new HostInterfaceConfig(
                hostIndex,
                DEFAULT_BIND,
                BASE_PORT + hostIndex,
                List.of(),
                DEFAULT_CAPABILITIES_WAIT,
                PeerAllowList.loopback(),
                HostPortLimits.defaults());
    }

    public HostInterfaceConfig withPort(int newPort) {
        return new HostInterfaceConfig(
                hostIndex, bindHost, newPort, startCommand, capabilitiesWait, allowedPeers, limits);
    }

    public HostInterfaceConfig withBindHost(String newBindHost) {
        return new HostInterfaceConfig(
                hostIndex, newBindHost, port, startCommand, capabilitiesWait, allowedPeers, limits);
    }

    public HostInterfaceConfig withStartCommand(List<String> argv) {
        return new HostInterfaceConfig(hostIndex, bindHost, port, argv, capabilitiesWait, allowedPeers, limits);
    }

    public HostInterfaceConfig withAllowedPeers(PeerAllowList peers) {
        return new HostInterfaceConfig(hostIndex, bindHost, port, startCommand, capabilitiesWait, peers, limits);
    }

    public HostInterfaceConfig withLimits(HostPortLimits newLimits) {
        return new HostInterfaceConfig(
                hostIndex, bindHost, port, startCommand, capabilitiesWait, allowedPeers, newLimits);
    }

    public HostInterfaceConfig withCapabilitiesWait(Duration wait) {
        return new HostInterfaceConfig(hostIndex, bindHost, port, startCommand, wait, allowedPeers, limits);
    }
}
