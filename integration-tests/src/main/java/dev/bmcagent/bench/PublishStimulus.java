package dev.bmcagent.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The anchor stimulus: a second Paho client publishes an 8-byte sequence number to the topic. */
public final class PublishStimulus implements Stimulus {
    private final String uri;
    private final String topic;
    private final int qos;
    private final BenchOptions options;
    private MqttClient client;

    public PublishStimulus(BenchOptions options) {
        this.options = options;
        this.uri = "tcp://" + options.loopbackHost("host") + ":" + options.number("port", 1883, 1, 65_535);
        this.topic = options.string("topic", "bench/latency");
        this.qos = (int) options.number("qos", 1, 0, 1);
    }

    @Override
    public void open() throws Exception {
        client = new MqttClient(uri, "bench-pub", new MemoryPersistence());
        MqttConnectOptions connect = MqttSessions.connectOptions(options);
        client.connect(connect);
    }

    @Override
    public byte[] fire(long sequence) throws Exception {
        byte[] payload = ByteBuffer.allocate(Long.BYTES).putLong(sequence).array();
        client.publish(topic, payload, qos, false);
        return payload;
    }

    @Override
    public void close() throws IOException {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000);
            }
            client.close();
        } catch (MqttException e) {
            throw new IOException("closing the publisher: " + e.getMessage(), e);
        }
    }
}
