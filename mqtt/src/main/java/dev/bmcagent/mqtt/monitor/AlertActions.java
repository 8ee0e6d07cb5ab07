package dev.bmcagent.mqtt.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What the monitor does when a host raises or clears an alert: a stdout line, an MQTT message on the alert topic,
 * an HTTP POST to the webhook. The webhook is sent asynchronously and never blocks event handling.
 */
final class AlertActions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?");

    private final String monitorId;
    private final PrintStream out;
    private final Optional<URI> webhook;
    private final Optional<String> alertTopic;
    private final BiConsumer<String, byte[]> mqtt;
    private final HttpClient http;
    private final AtomicLong webhookOk = new AtomicLong();
    private final AtomicLong webhookFailed = new AtomicLong();

    AlertActions(
            String monitorId,
            PrintStream out,
            Optional<URI> webhook,
            boolean allowRemote,
            Optional<String> alertTopic,
            BiConsumer<String, byte[]> mqtt) {
        webhook.ifPresent(w -> requireAllowed(w, allowRemote));
        this.monitorId = monitorId;
        this.out = out;
        this.webhook = webhook;
        this.alertTopic = alertTopic;
        this.mqtt = mqtt;
        this.http = webhook.isPresent()
                ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                : null;
    }

    /**
     * Refuses a webhook whose host is not a loopback address unless allowed. Host names other than "localhost"
     * count as remote (no DNS lookup is made to find out).
     */
    static void requireAllowed(URI webhook, boolean allowRemote) {
        if (allowRemote) {
            return;
        }
        String host = Optional.ofNullable(webhook.getHost()).orElse("");
        boolean loopback = host.equalsIgnoreCase("localhost");
        if (!loopback && IP_LITERAL.matcher(host).matches()) {
            try {
                loopback = InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                loopback = false;
            }
        }
        if (!loopback) {
            throw new IllegalArgumentException("webhook " + webhook + " is not on a loopback address; "
                    + "allow remote webhooks explicitly to use it");
        }
    }

    /** An AlertRaised or AlertCleared event of {@code host}. */
    void fire(String host, JsonNode event, boolean raised) {
        JsonNode data = event.path("data");
        JsonNode alert = raised ? data.path("alert") : data;
        ObjectNode n = JSON.createObjectNode();
        n.put("host", host)
                .put("state", raised ? "raised" : "cleared")
                .put("kind", alert.path("kind").asText())
                .put("phase", alert.path("phase").asText(""))
                .put("elapsedSeconds", alert.path("elapsedSeconds").asDouble())
                .put(
                        "detail",
                        raised
                                ? alert.path("detail").asText()
                                : data.path("reason").asText())
                .put("sequence", event.path("sequence").asLong())
                .put("sessionId", event.path("sessionId").asText())
                .put("time", event.path("time").asText())
                .put("monitor", monitorId);
        out.println(String.format(
                Locale.ROOT,
                "ALERT %s %s %s phase=%s elapsed=%.0fs seq=%d: %s",
                raised ? "RAISED " : "CLEARED",
                host,
                n.get("kind").asText(),
                n.get("phase").asText(),
                n.get("elapsedSeconds").asDouble(),
                n.get("sequence").asLong(),
                n.get("detail").asText()));
        byte[] body = n.toString().getBytes(StandardCharsets.UTF_8);
        alertTopic.ifPresent(t -> mqtt.accept(t, body));
        webhook.ifPresent(w -> post(w, body));
    }

    /** A BMC went offline or silent ({@code raised}), or came back. */
    void bmc(FleetView.BmcChange c, String time) {
        ObjectNode n = JSON.createObjectNode();
        n.put("bmc", c.bmc())
                .put("state", c.raised() ? "raised" : "cleared")
                .put("kind", c.kind())
                .put("detail", c.detail())
                .put("time", time)
                .put("monitor", monitorId);
        out.println(String.format(
                Locale.ROOT, "ALERT %s %s %s: %s", c.raised() ? "RAISED " : "CLEARED", c.bmc(), c.kind(), c.detail()));
        byte[] body = n.toString().getBytes(StandardCharsets.UTF_8);
        alertTopic.ifPresent(t -> mqtt.accept(t, body));
        webhook.ifPresent(w -> post(w, body));
    }

    // The webhook's outcome is counted in whenComplete; the future it returns would only carry an exception from
    // incrementing a counter, which cannot throw.
    @SuppressWarnings("FutureReturnValueIgnored")
    private void post(URI url, byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e == null && r.statusCode() / 100 == 2) {
                webhookOk.incrementAndGet();
            } else {
                webhookFailed.incrementAndGet();
            }
        });
    }

    long webhookOk() {
        return webhookOk.get();
    }

    long webhookFailed() {
        return webhookFailed.get();
    }
}
