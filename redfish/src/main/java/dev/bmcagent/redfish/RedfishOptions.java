package dev.bmcagent.redfish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Redfish service options: defaults as named constants, fluent setters. */
public final class RedfishOptions {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8443;
    /** Request bodies above this are refused with 413 before any handler sees them. */
    public static final long DEFAULT_BODY_LIMIT = 64 * 1024;

    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_SESSIONS = 64;
    public static final int DEFAULT_MAX_SUBSCRIPTIONS = 32;
    /** Event destinations may only be on these hosts unless configured otherwise: loopback only. */
    public static final List<String> DEFAULT_EVENT_DESTINATION_HOSTS = List.of("127.0.0.1", "::1");

    public static final int DEFAULT_DELIVERY_RETRY_ATTEMPTS = 3;
    public static final Duration DEFAULT_DELIVERY_RETRY_INTERVAL = Duration.ofSeconds(30);
    public static final int MAX_DESTINATION_LENGTH = 2048;
    /**
     * Open TCP connections (counted from accept, before TLS): a BMC serves a handful of tools, monitors and SSE
     * streams; 256 keeps the listener's descriptors far below a 1024 soft limit, leaving room for journals, IPMI,
     * the host interface and the broker.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    /** Per source address: as many as the session limit, so one host cannot take every slot. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_SOURCE = 64;
    /** TLS handshake must complete within this (Vert.x's default; curl needs milliseconds). */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** The first request header must be complete this long after the handshake (bmcweb: 15 s). */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(15);
    /** A keep-alive connection may wait this long for its next request (tools reuse within seconds). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** A request body (at most the body limit, 64 KiB) must arrive within this of its header. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path dataDir = Path.of("data");
    private Path certPath;
    private Path keyPath;
    private long bodyLimit = DEFAULT_BODY_LIMIT;
    private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
    private int maxSessions = DEFAULT_MAX_SESSIONS;
    private int maxSubscriptions = DEFAULT_MAX_SUBSCRIPTIONS;
    private List<String> eventDestinationHosts = DEFAULT_EVENT_DESTINATION_HOSTS;
    private int deliveryRetryAttempts = DEFAULT_DELIVERY_RETRY_ATTEMPTS;
    private Duration deliveryRetryInterval = DEFAULT_DELIVERY_RETRY_INTERVAL;
    private boolean openSsl = true;
    private Set<Integer> ownPorts = Set.of();
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxConnectionsPerSource = DEFAULT_MAX_CONNECTIONS_PER_SOURCE;
    private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private dev.bmcagent.redfish.backend.MetricsEndpoint metrics;

    public int maxConnections() {
        return maxConnections;
    }

    public int maxConnectionsPerSource() {
        return maxConnectionsPerSource;
    }

    /** Open connections in all and per source address; further ones are closed as soon as they are accepted. */
    public RedfishOptions maxConnections(int total, int perSource) {
        if (total < 1 || perSource < 1 || perSource > total) {
            throw new IllegalArgumentException("connection limits must satisfy 1 <= perSource <= total");
        }
        this.maxConnections = total;
        this.maxConnectionsPerSource = perSource;
        return this;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public Duration headerTimeout() {
        return headerTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /** TLS handshake, first request header, keep-alive idle and request body deadlines. */
    public RedfishOptions timeouts(Duration handshake, Duration header, Duration idle, Duration body) {
        for (Duration d : List.of(handshake, header, idle, body)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
        this.handshakeTimeout = handshake;
        this.headerTimeout = header;
        this.idleTimeout = idle;
        this.bodyTimeout = body;
        return this;
    }

    /** Ports of the agent's other listeners (IPMI, host interface, MQTT broker): never a push destination. */
    public Set<Integer> ownPorts() {
        return ownPorts;
    }

    public RedfishOptions ownPorts(Set<Integer> ports) {
        this.ownPorts = Set.copyOf(ports);
        return this;
    }

    /** Whether TLS runs on OpenSSL when its native library loads (default), else always on the JDK SSLEngine. */
    public boolean openSsl() {
        return openSsl;
    }

    public RedfishOptions openSsl(boolean openSsl) {
        this.openSsl = openSsl;
        return this;
    }

    public String host() {
        return host;
    }

    public RedfishOptions host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    public int port() {
        return port;
    }

    /** 0 picks a free port (see {@link RedfishServer#port()}). */
    public RedfishOptions port(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the certificate (generated or replaced over Redfish) is kept (stable across restarts). */
    public RedfishOptions dataDir(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        return this;
    }

    /** A configured PEM certificate and key; when absent a self-signed pair is generated into the data dir. */
    public Optional<Path> certPath() {
        return Optional.ofNullable(certPath);
    }

    public Optional<Path> keyPath() {
        return Optional.ofNullable(keyPath);
    }

    public RedfishOptions certificate(Path certPem, Path keyPem) {
        this.certPath = Objects.requireNonNull(certPem, "certPem");
        this.keyPath = Objects.requireNonNull(keyPem, "keyPem");
        return this;
    }

    public long bodyLimit() {
        return bodyLimit;
    }

    public RedfishOptions bodyLimit(long bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("body limit below 1 KiB: " + bytes);
        }
        this.bodyLimit = bytes;
        return this;
    }

    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    public RedfishOptions sessionTimeout(Duration timeout) {
        this.sessionTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    public int maxSessions() {
        return maxSessions;
    }

    public RedfishOptions maxSessions(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxSessions < 1");
        }
        this.maxSessions = max;
        return this;
    }

    public int maxSubscriptions() {
        return maxSubscriptions;
    }

    public RedfishOptions maxSubscriptions(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxSubscriptions < 1");
        }
        this.maxSubscriptions = max;
        return this;
    }

    /** Serves {@code /metrics} and counts every request into it; null (the default): no /metrics. */
    public RedfishOptions metrics(dev.bmcagent.redfish.backend.MetricsEndpoint metrics) {
        this.metrics = metrics;
        return this;
    }

    public dev.bmcagent.redfish.backend.MetricsEndpoint metrics() {
        return metrics;
    }

    public List<String> eventDestinationHosts() {
        return eventDestinationHosts;
    }

    /**
     * Where push subscriptions may deliver: host names (compared literally, case-insensitively), IP addresses and
     * CIDR blocks; link-local and cloud-metadata addresses are refused whatever this says.
     *
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public RedfishOptions eventDestinationHosts(List<String> hosts) {
        dev.bmcagent.redfish.events.DestinationAllowList.of(hosts);
        this.eventDestinationHosts = List.copyOf(hosts);
        return this;
    }

    public int deliveryRetryAttempts() {
        return deliveryRetryAttempts;
    }

    public RedfishOptions deliveryRetryAttempts(int attempts) {
        if (attempts < 0 || attempts > 20) {
            throw new IllegalArgumentException("retry attempts must be 0..20: " + attempts);
        }
        this.deliveryRetryAttempts = attempts;
        return this;
    }

    public Duration deliveryRetryInterval() {
        return deliveryRetryInterval;
    }

    public RedfishOptions deliveryRetryInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("retry interval must be positive");
        }
        this.deliveryRetryInterval = interval;
        return this;
    }
}
