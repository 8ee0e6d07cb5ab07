package dev.bmcagent.mqtt.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho v5 test subscriber that records every message (callback API, automatic reconnect, persistent session). */
public final class TestSubscriber implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    public record Received(String topic, byte[] payload, boolean retained, MqttProperties properties) {
        public JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Received> last = new ConcurrentHashMap<>();
    private final AtomicInteger subscribed = new AtomicInteger();

    public TestSubscriber(String uri, String clientId, String filter) throws MqttException {
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {}

            @Override
            public void mqttErrorOccurred(MqttException e) {}

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                Received r = new Received(topic, m.getPayload(), m.isRetained(), m.getProperties());
                received.add(r);
                last.put(topic, r);
            }

            @Override
            public void deliveryComplete(IMqttToken t) {}

            @Override
            public void connectComplete(boolean reconnect, String uri) {
                try {
                    client.subscribe(filter, 1, null, new org.eclipse.paho.mqttv5.client.MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken t) {
                            subscribed.incrementAndGet();
                        }

                        @Override
                        public void onFailure(IMqttToken t, Throwable e) {}
                    });
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void authPacketArrived(int rc, MqttProperties p) {}
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 1);
        client.connect(o).waitForCompletion(10_000);
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    public List<Received> on(String topic) {
        return received.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    public Received last(String topic) {
        return last.get(topic);
    }

    /** How many times the subscription was acknowledged (1 + reconnects). */
    public int subscriptions() {
        return subscribed.get();
    }

    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // down
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closed
        }
    }
}
