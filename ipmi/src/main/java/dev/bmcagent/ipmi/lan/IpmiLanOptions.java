package dev.bmcagent.ipmi.lan;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the IPMI LAN server and its RMCP+ session layer. Defaults are the named constants; build
 * variants with the {@code with*} methods.
 *
 * @param bindAddress          address the UDP socket binds to
 * @param port                 UDP port (623 in production, 6230 in development)
 * @param maxSessions          active plus pending sessions, whole server
 * @param maxPendingPerSource  unfinished (pre-RAKP-3) sessions per source address
 * @param idleTimeout          an active session idle this long is closed
 * @param handshakeTimeout     a pending session not finished within this is dropped
 * @param lockoutThreshold     failed logins of one user from one source address (RAKP 2 HMACs sent and not proven by
 *                             a RAKP 3) within {@code lockoutWindow} that lock that address out of that user; used by
 *                             the default {@code SourceLockout} (the agent passes its shared guard instead)
 * @param lockoutWindow        window in which failures are counted
 * @param lockoutDuration      how long a locked-out address stays refused
 * @param allowInsecure        allow null/anonymous user names (logs a WARN); nothing else insecure exists here
 */
public record IpmiLanOptions(
        String bindAddress,
        int port,
        int maxSessions,
        int maxPendingPerSource,
        Duration idleTimeout,
        Duration handshakeTimeout,
        int lockoutThreshold,
        Duration lockoutWindow,
        Duration lockoutDuration,
        boolean allowInsecure) {
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 6230;
    public static final int DEFAULT_MAX_SESSIONS = 16;
    public static final int DEFAULT_MAX_PENDING_PER_SOURCE = 4;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_LOCKOUT_THRESHOLD = 5;
    public static final Duration DEFAULT_LOCKOUT_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_LOCKOUT_DURATION = Duration.ofMinutes(5);

    public IpmiLanOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(lockoutWindow, "lockoutWindow");
        Objects.requireNonNull(lockoutDuration, "lockoutDuration");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxSessions < 1 || maxPendingPerSource < 1 || lockoutThreshold < 1) {
            throw new IllegalArgumentException("maxSessions, maxPendingPerSource and lockoutThreshold must be >= 1");
        }
        if (idleTimeout.isNegative()
                || idleTimeout.isZero()
                || handshakeTimeout.isNegative()
                || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static IpmiLanOptions defaults() {
        return new IpmiLanOptions(
                DEFAULT_BIND_ADDRESS,
                DEFAULT_PORT,
                DEFAULT_MAX_SESSIONS,
                DEFAULT_MAX_PENDING_PER_SOURCE,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_LOCKOUT_THRESHOLD,
                DEFAULT_LOCKOUT_WINDOW,
                DEFAULT_LOCKOUT_DURATION,
                false);
    }

    public IpmiLanOptions withBind(String address, int newPort) {
        return new IpmiLanOptions(
                address,
                newPort,
                maxSessions,
                maxPendingPerSource,
                idleTimeout,
                handshakeTimeout,
                lockoutThreshold,
                lockoutWindow,
                lockoutDuration,
                allowInsecure);
    }

    public IpmiLanOptions withSessions(int max, int pendingPerSource, Duration idle, Duration handshake) {
        return new IpmiLanOptions(
                bindAddress,
                port,
                max,
                pendingPerSource,
                idle,
                handshake,
                lockoutThreshold,
                lockoutWindow,
                lockoutDuration,
                allowInsecure);
    }

    public IpmiLanOptions withLockout(int threshold, Duration window, Duration duration) {
        return new IpmiLanOptions(
                bindAddress,
                port,
                maxSessions,
                maxPendingPerSource,
                idleTimeout,
                handshakeTimeout,
                threshold,
                window,
                duration,
                allowInsecure);
    }

    public IpmiLanOptions withAllowInsecure(boolean allow) {
        return new IpmiLanOptions(
                bindAddress,
                port,
                maxSessions,
                maxPendingPerSource,
                idleTimeout,
                handshakeTimeout,
                lockoutThreshold,
                lockoutWindow,
                lockoutDuration,
                allow);
    }
}
