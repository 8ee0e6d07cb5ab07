package dev.bmcagent.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Stimulus → receipt latency through an MQTT broker on loopback, one message at a time.
 *
 * <p>A Paho subscriber (MQTT 3.1.1) subscribes to {@code --topic} at {@code --qos}; then, {@code --warmup} +
 * {@code --count} times: take {@code System.nanoTime()}, fire the {@link Stimulus} (default: a second Paho client
 * publishes an 8-byte sequence number at the same QoS, {@code publish} returning after the PUBACK), and wait for
 * the subscriber's callback, which takes {@code System.nanoTime()} on entry. Latency = receipt − send in the same
 * JVM. Warm-up messages are not recorded. The run is bounded by {@code --max-seconds} and a 5 s wait per message.
 *
 * <p>Output: human lines on stderr, one {@code RESULT ...} line on stdout (see {@link LatencyStats}).
 */
public final class MqttLatency {
    private static final long PER_MESSAGE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    private record Receipt(long nanos, byte[] payload) {}

    private MqttLatency() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // Paho keeps non-daemon threads after a failure: always leave explicitly.
        System.exit(status);
    }

    private static int run(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        int count = (int) options.number("count", 10_000, 1, 1_000_000);
        int warmup = (int) options.number("warmup", 1_000, 0, 100_000);
        int qos = (int) options.number("qos", 1, 0, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.number("max-seconds", 300, 1, 3_600));
        String uri = "tcp://" + options.loopbackHost("host") + ":" + options.number("port", 1883, 1, 65_535);
        String topic = options.string("topic", "bench/latency");
        String label = options.string("label", "mqtt");

        BlockingQueue<Receipt> received = new ArrayBlockingQueue<>(1_024);
        long[] samples = new long[count];
        int recorded = 0;
        int mismatched = 0;
        try (MqttClient subscriber = new MqttClient(uri, "bench-sub", new MemoryPersistence());
                Stimulus stimulus = stimulus(options)) {
            subscriber.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    System.err.println("subscriber connection lost: " + cause);
                }

                @Override
                public void messageArrived(String t, MqttMessage message) {
                    long now = System.nanoTime();
                    if (!received.offer(new Receipt(now, message.getPayload()))) {
                        System.err.println("receipt queue full, message dropped");
                    }
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // the subscriber publishes nothing
                }
            });
            subscriber.connect(MqttSessions.connectOptions(options));
            subscriber.subscribe(topic, qos);
            stimulus.open();
            for (long seq = 0; seq < (long) warmup + count; seq++) {
                if (System.nanoTime() > deadline) {
                    System.err.println("time limit reached after " + seq + " messages");
                    break;
                }
                long sent = System.nanoTime();
                byte[] expected = stimulus.fire(seq);
                Receipt receipt = received.poll(PER_MESSAGE_TIMEOUT_NS, TimeUnit.NANOSECONDS);
                if (receipt == null) {
                    System.err.println("no message within 5 s for sequence " + seq + "; stopping");
                    break;
                }
                if (expected != null && !Arrays.equals(expected, receipt.payload())) {
                    mismatched++;
                }
                if (seq >= warmup) {
                    samples[recorded++] = receipt.nanos() - sent;
                }
            }
            subscriber.disconnect(1_000);
        }
        if (recorded == 0) {
            System.err.println("no samples recorded");
            return 2;
        }
        LatencyStats stats = LatencyStats.of(samples, recorded);
        System.err.printf(
                Locale.ROOT,
                "%s: %d messages (QoS %d, %d warm-up), %d payload mismatches%n",
                label,
                recorded,
                qos,
                warmup,
                mismatched);
        System.out.println(stats.resultLine(label) + " mismatched=" + mismatched);
        return mismatched == 0 && recorded == count ? 0 : 3;
    }

    private static Stimulus stimulus(BenchOptions options) throws ReflectiveOperationException {
        if (!options.has("stimulus-class")) {
            return new PublishStimulus(options);
        }
        Class<? extends Stimulus> type =
                Class.forName(options.string("stimulus-class", "")).asSubclass(Stimulus.class);
        return type.getConstructor(BenchOptions.class).newInstance(options);
    }
}
