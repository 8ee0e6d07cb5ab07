package dev.bmcagent.mqtt.telemetry;

import java.util.function.Consumer;

/** One connected MQTT client session (Paho v5 or v3). Closing it releases its threads. */
interface MqttLink extends AutoCloseable {

    /**
     * Sends one QoS 1 message; {@code done} is called once, from a client thread, with null when the broker
     * acknowledged it or with the failure.
     *
     * @throws Exception when the client refuses the message (not connected, in-flight window full...)
     */
    void publish(Outbound message, Consumer<Throwable> done) throws Exception;

    /** How many QoS 1 messages may be in flight at once on this connection. */
    int window();

    /** "5" or "3.1.1". */
    String protocol();

    /**
     * Waits up to {@code timeoutMillis} for messages in flight, sends DISCONNECT (normal: the broker discards the
     * will) and closes.
     */
    void disconnect(long timeoutMillis);

    /** Closes the connection abruptly (no DISCONNECT: the broker publishes the will) and stops client threads. */
    @Override
    void close();
}
