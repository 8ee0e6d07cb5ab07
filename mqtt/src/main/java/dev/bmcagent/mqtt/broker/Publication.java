package dev.bmcagent.mqtt.broker;

import io.netty.handler.codec.mqtt.MqttProperties;
import java.util.Objects;

/**
 * An application message as the broker routes it. The payload is never mutated after construction.
 *
 * @param topic      topic name
 * @param payload    payload bytes (shared, read-only by convention)
 * @param qos        publish QoS (0-2; delivered at most at 1)
 * @param retain     retain flag as published
 * @param properties MQTT 5 properties (content type, message expiry, user properties...); empty for 3.1.1
 */
@SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
record Publication(String topic, byte[] payload, int qos, boolean retain, MqttProperties properties) {
    Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(properties, "properties");
    }
}
