package dev.bmcagent.rollout.mqtt;

import dev.bmcagent.mqtt.telemetry.PahoThreads;
import dev.bmcagent.rollout.campaign.CampaignState;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Campaign state as retained documents ({@code bmc/rollout/campaign/<name>/state}, QoS 1): {@link #publisher} is the
 * runner's {@code onChange}; {@link #read} fetches the last document, so another instance can take over with
 * {@code CampaignRunner.takeOver}.
 */
public final class MqttCampaignStore implements AutoCloseable {
    private final MqttAsyncClient client;
    private final ScheduledThreadPoolExecutor threads;
    private volatile CompletableFuture<byte[]> waiting = new CompletableFuture<>();

    public MqttCampaignStore(String brokerUri, String clientId) throws MqttException {
        Objects.requireNonNull(brokerUri, "brokerUri");
        threads = PahoThreads.create("campaign-" + clientId);
        client = new MqttAsyncClient(
                brokerUri, clientId, new MemoryPersistence(), new TimerPingSender(threads), threads);
        client.setCallback(new OnMessage((topic, m) -> {
            waiting.complete(m.getPayload());
        }));
        MqttConnectionOptions c = new MqttConnectionOptions();
        c.setCleanStart(true);
        c.setAutomaticReconnect(true);
        client.connect(c).waitForCompletion(15_000);
    }

    /** Publishes each state, retained, and waits for the broker's acknowledgement (so a crash after it loses nothing). */
    public Consumer<CampaignState> publisher() {
        return s -> {
            try {
                client.publish(CampaignDocuments.stateTopic(s.name()), CampaignDocuments.toJson(s), 1, true)
                        .waitForCompletion(15_000);
            } catch (MqttException e) {
                throw new IllegalStateException("cannot publish campaign state of " + s.name(), e);
            }
        };
    }

    /** The retained state of campaign {@code name}, if the broker has one within {@code wait}. */
    public synchronized Optional<CampaignState> read(String name, Duration wait)
            throws MqttException, IOException, InterruptedException {
        waiting = new CompletableFuture<>();
        String topic = CampaignDocuments.stateTopic(name);
        client.subscribe(topic, 1).waitForCompletion(15_000);
        try {
            byte[] json = waiting.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return json.length == 0 ? Optional.empty() : Optional.of(CampaignDocuments.fromJson(json));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            client.unsubscribe(topic).waitForCompletion(15_000);
        }
    }

    /** The retained message on {@code topic} (empty when none or an empty one), for tools and tests. */
    public synchronized Optional<byte[]> readRaw(String topic, Duration wait)
            throws MqttException, InterruptedException, IOException {
        waiting = new CompletableFuture<>();
        client.subscribe(topic, 1).waitForCompletion(15_000);
        try {
            byte[] b = waiting.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return b.length == 0 ? Optional.empty() : Optional.of(b);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            client.unsubscribe(topic).waitForCompletion(15_000);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing
        }
        threads.shutdownNow();
    }
}
