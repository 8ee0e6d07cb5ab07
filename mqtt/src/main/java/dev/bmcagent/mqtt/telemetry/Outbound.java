package dev.bmcagent.mqtt.telemetry;

import java.util.Objects;

/**
 * One QoS 1 message the publisher sends.
 *
 * @param topic    full topic
 * @param payload  bytes (empty: clears a retained message)
 * @param retained retain flag
 * @param event    an event (gets the MQTT 5 message expiry) rather than a state/alert/status document
 * @param hostId   the host it belongs to ("" for agent status)
 * @param sequence the host's sequence number it carries (0 for status)
 */
@SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
record Outbound(String topic, byte[] payload, boolean retained, boolean event, String hostId, long sequence) {
    public Outbound {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(hostId, "hostId");
    }
}
