package dev.bmcagent.mqtt.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** An MQTT 5 connection through Paho's v5 client: content type, message expiry and session/seq user properties. */
final class PahoV5Link implements MqttLink {
    private final MqttAsyncClient client;
    private final ScheduledThreadPoolExecutor threads;
    private final String sessionId;
    private final long expirySeconds;
    private final int window;

    private PahoV5Link(
            MqttAsyncClient client,
            ScheduledThreadPoolExecutor threads,
            String sessionId,
            long expirySeconds,
            int window) {
        this.client = client;
        this.threads = threads;
        this.sessionId = sessionId;
        this.expirySeconds = expirySeconds;
        this.window = window;
    }

    /** Connects (blocking, bounded by the connect timeout); on failure everything started is closed again. */
    static PahoV5Link connect(
            MqttOptions o, String sessionId, byte[] willPayload, SocketFactory sockets, Runnable onLost)
            throws MqttException {
        ScheduledThreadPoolExecutor threads = PahoThreads.create("mqtt5");
        MqttAsyncClient client = null;
        try {
            client = new MqttAsyncClient(
                    o.brokerUri().toString(),
                    o.clientId(),
                    new MemoryPersistence(),
                    new TimerPingSender(threads),
                    threads);
            MqttConnectionOptions c = new MqttConnectionOptions();
            c.setCleanStart(true);
            c.setAutomaticReconnect(false);
            c.setConnectionTimeout(10);
            c.setKeepAliveInterval(30);
            c.setReceiveMaximum(o.maxInflight());
            o.username().ifPresent(c::setUserName);
            o.password().ifPresent(p -> c.setPassword(p.getBytes(StandardCharsets.UTF_8)));
            MqttTls.apply(c, o, sockets);
            MqttMessage will = new MqttMessage(willPayload, 1, true, properties(sessionId, 0, 0));
            c.setWill(new Topics(o.topicPrefix()).status(), will);
            client.setCallback(new LostCallback(onLost));
            IMqttToken token = client.connect(c);
            token.waitForCompletion(15_000);
            if (!client.isConnected()) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION);
            }
            Integer brokerMax = token.getResponseProperties() == null
                    ? null
                    : token.getResponseProperties().getReceiveMaximum();
            int window = Math.min(o.maxInflight(), brokerMax == null ? 65_535 : brokerMax);
            return new PahoV5Link(client, threads, sessionId, o.eventExpiry().toSeconds(), Math.max(1, window));
        } catch (MqttException | RuntimeException e) {
            closeQuietly(client, threads);
            throw e;
        }
    }

    @Override
    public void publish(Outbound m, Consumer<Throwable> done) throws MqttException {
        MqttProperties props = m.payload().length == 0
                ? new MqttProperties()
                : properties(sessionId, m.sequence(), m.event() ? expirySeconds : 0);
        MqttMessage msg = new MqttMessage(m.payload(), 1, m.retained(), props);
        client.publish(m.topic(), msg, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken t) {
                done.accept(null);
            }

            @Override
            public void onFailure(IMqttToken t, Throwable e) {
                done.accept(e);
            }
        });
    }

    static MqttProperties properties(String sessionId, long sequence, long expirySeconds) {
        MqttProperties p = new MqttProperties();
        p.setContentType("application/json");
        p.setPayloadFormat(true);
        if (expirySeconds > 0) {
            p.setMessageExpiryInterval(expirySeconds);
        }
        p.setUserProperties(
                List.of(new UserProperty("session", sessionId), new UserProperty("seq", Long.toString(sequence))));
        return p;
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public String protocol() {
        return "5";
    }

    @Override
    public void disconnect(long timeoutMillis) {
        try {
            client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis + 1_000);
        } catch (MqttException | RuntimeException e) {
            // closing anyway
        }
        closeQuietly(client, threads);
    }

    @Override
    public void close() {
        closeQuietly(client, threads);
    }

    private static void closeQuietly(MqttAsyncClient client, ScheduledThreadPoolExecutor threads) {
        if (client != null) {
            try {
                client.disconnectForcibly(0, 0, false);
            } catch (MqttException | RuntimeException e) {
                // already down
            }
            try {
                client.close(true);
            } catch (MqttException | RuntimeException e) {
                // nothing more to release
            }
        }
        threads.shutdownNow();
    }

    private static final class LostCallback implements MqttCallback {
        private final Runnable onLost;

        LostCallback(Runnable onLost) {
            this.onLost = onLost;
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            onLost.run();
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            onLost.run();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // the publisher subscribes to nothing
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // acknowledgements go to the per-publish listener
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // connect is synchronous here
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
