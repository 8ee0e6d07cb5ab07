package dev.bmcagent.mqtt.broker;

import java.util.Objects;

/**
 * Settings of the embedded broker. Defaults: loopback only, bounded everywhere.
 *
 * @param bindAddress       address to listen on (loopback unless the operator says otherwise)
 * @param port              TCP port (0 = any free port)
 * @param maxConnections    connections beyond this are refused (CONNACK "server unavailable")
 * @param maxSessions       sessions kept (online and offline persistent); the oldest offline ones are dropped
 * @param maxQueuedPerSession messages queued for one session (offline or over its in-flight window); oldest dropped
 * @param maxInflight       unacknowledged QoS 1 messages per session before queueing
 * @param maxRetained       retained topics; new retained topics beyond it are not retained (counted)
 * @param maxMessageBytes   largest MQTT packet accepted
 * @param acl               who may connect and publish ({@link BrokerAcl#open()} by default: tests and benchmarks;
 *                          the demo uses {@link BrokerAcl#agentOnly})
 */
public record BrokerOptions(
        String bindAddress,
        int port,
        int maxConnections,
        int maxSessions,
        int maxQueuedPerSession,
        int maxInflight,
        int maxRetained,
        int maxMessageBytes,
        BrokerAcl acl) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_MAX_CONNECTIONS = 1_024;
    public static final int DEFAULT_MAX_SESSIONS = 4_096;
    public static final int DEFAULT_MAX_QUEUED = 10_000;
    public static final int DEFAULT_MAX_INFLIGHT = 100;
    public static final int DEFAULT_MAX_RETAINED = 100_000;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;

    public BrokerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(acl, "acl");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxConnections < 1
                || maxSessions < 1
                || maxQueuedPerSession < 1
                || maxInflight < 1
                || maxRetained < 0
                || maxMessageBytes < 64) {
            throw new IllegalArgumentException("broker limits must be positive");
        }
    }

    public static BrokerOptions defaults() {
        return new BrokerOptions(
                DEFAULT_BIND,
                DEFAULT_PORT,
                DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_SESSIONS,
                DEFAULT_MAX_QUEUED,
                DEFAULT_MAX_INFLIGHT,
                DEFAULT_MAX_RETAINED,
                DEFAULT_MAX_MESSAGE_BYTES,
                BrokerAcl.open());
    }

    public BrokerOptions withPort(int newPort) {
        return new BrokerOptions(
                bindAddress,
                newPort,
                maxConnections,
                maxSessions,
                maxQueuedPerSession,
                maxInflight,
                maxRetained,
                maxMessageBytes,
                acl);
    }

    public BrokerOptions withBindAddress(String address) {
        return new BrokerOptions(
                address,
                port,
                maxConnections,
                maxSessions,
                maxQueuedPerSession,
                maxInflight,
                maxRetained,
                maxMessageBytes,
                acl);
    }

    public BrokerOptions withMaxQueuedPerSession(int max) {
        return new BrokerOptions(
                bindAddress, port, maxConnections, maxSessions, max, maxInflight, maxRetained, maxMessageBytes, acl);
    }

    public BrokerOptions withAcl(BrokerAcl newAcl) {
        return new BrokerOptions(
                bindAddress,
                port,
                maxConnections,
                maxSessions,
                maxQueuedPerSession,
                maxInflight,
                maxRetained,
                maxMessageBytes,
                newAcl);
    }
}
