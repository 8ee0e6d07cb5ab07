package dev.bmcagent.mqtt.telemetry;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * An MQTT 3.1.1 connection through Paho's v3 client (used when the broker refuses MQTT 5). The in-flight window
 * is raised from Paho's default of 10 to the configured maximum.
 */
final class PahoV3Link implements MqttLink {
    private final MqttAsyncClient client;
    private final ScheduledThreadPoolExecutor threads;
    private final int window;

    private PahoV3Link(MqttAsyncClient client, ScheduledThreadPoolExecutor threads, int window) {
        this.client = client;
        this.threads = threads;
        this.window = window;
    }

    static PahoV3Link connect(MqttOptions o, byte[] willPayload, SocketFactory sockets, Runnable onLost)
            throws MqttException {
        ScheduledThreadPoolExecutor threads = PahoThreads.create("mqtt3");
        MqttAsyncClient client = null;
        try {
            client = new MqttAsyncClient(
                    o.brokerUri().toString(),
                    o.clientId(),
                    new MemoryPersistence(),
                    new ScheduledExecutorPingSender(threads),
                    threads);
            MqttConnectOptions c = new MqttConnectOptions();
            c.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            c.setCleanSession(true);
            c.setAutomaticReconnect(false);
            c.setConnectionTimeout(10);
            c.setKeepAliveInterval(30);
            c.setMaxInflight(o.maxInflight());
            o.username().ifPresent(c::setUserName);
            o.password().ifPresent(p -> c.setPassword(p.toCharArray()));
            MqttTls.apply(c, o, sockets);
            c.setWill(new Topics(o.topicPrefix()).status(), willPayload, 1, true);
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    onLost.run();
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    // the publisher subscribes to nothing
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // acknowledgements go to the per-publish listener
                }
            });
            client.connect(c).waitForCompletion(15_000);
            if (!client.isConnected()) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION);
            }
            return new PahoV3Link(client, threads, o.maxInflight());
        } catch (MqttException | RuntimeException e) {
            closeQuietly(client, threads);
            throw e;
        }
    }

    @Override
    public void publish(Outbound m, Consumer<Throwable> done) throws MqttException {
        client.publish(m.topic(), m.payload(), 1, m.retained(), null, new IMqttActionListener() {
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

    @Override
    public int window() {
        return window;
    }

    @Override
    public String protocol() {
        return "3.1.1";
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
}
