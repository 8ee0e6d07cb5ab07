package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.http.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to push subscriptions in order, one POST at a time per subscription. A failed delivery is
 * retried a bounded number of times at a fixed interval; then the subscription is terminated or suspended as
 * its DeliveryRetryPolicy says. Queues are bounded (oldest dropped). Runs on the service's event-loop context.
 */
public final class PushDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
    static final int MAX_QUEUE = 1000;

    private final Vertx vertx;
    private final HttpClient client;
    private final int retryAttempts;
    private final Duration retryInterval;
    private final Consumer<String> terminate;
    private final Consumer<String> suspendedHook;
    private final Map<String, ArrayDeque<RedfishEvent>> queues = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Set<String> suspended = new HashSet<>();

    public PushDelivery(
            Vertx vertx,
            HttpClient client,
            int retryAttempts,
            Duration retryInterval,
            Consumer<String> terminate,
            Consumer<String> suspendedHook) {
        this.vertx = vertx;
        this.client = client;
        this.retryAttempts = retryAttempts;
        this.retryInterval = retryInterval;
        this.terminate = terminate;
        this.suspendedHook = suspendedHook;
    }

    void offer(EventDestination s, RedfishEvent e) {
        if (suspended.contains(s.id())) {
            return;
        }
        ArrayDeque<RedfishEvent> q = queues.computeIfAbsent(s.id(), k -> new ArrayDeque<>());
        if (q.size() >= MAX_QUEUE) {
            q.pollFirst();
        }
        q.addLast(e);
        if (inFlight.add(s.id())) {
            attempt(s, 0);
        }
    }

    boolean isSuspended(String id) {
        return suspended.contains(id);
    }

    /** Marks a subscription suspended (restored in that state) without telling the suspension hook. */
    void suspend(String id) {
        suspended.add(id);
    }

    /** Drops all delivery state of a subscription: deleted, or resumed after suspension. */
    void forget(String id) {
        queues.remove(id);
        inFlight.remove(id);
        suspended.remove(id);
    }

    private void attempt(EventDestination s, int failures) {
        ArrayDeque<RedfishEvent> q = queues.get(s.id());
        if (q == null || q.isEmpty()) {
            inFlight.remove(s.id());
            return;
        }
        post(s, q.peekFirst()).onComplete(ar -> {
            if (!queues.containsKey(s.id())) {
                return;
            }
            if (ar.succeeded()) {
                q.pollFirst();
                attempt(s, 0);
            } else if (failures < retryAttempts) {
                LOG.debug(
                        "delivery to subscription {} failed ({}), retry {}",
                        s.id(),
                        ar.cause().getMessage(),
                        failures + 1);
                vertx.setTimer(Math.max(1, retryInterval.toMillis()), t -> attempt(s, failures + 1));
            } else {
                giveUp(s, ar.cause());
            }
        });
    }

    private void giveUp(EventDestination s, Throwable cause) {
        LOG.warn(
                "subscription {} to {}: {} deliveries failed ({}), {}",
                s.id(),
                s.destination(),
                retryAttempts + 1,
                cause.getMessage(),
                s.retryPolicy());
        queues.remove(s.id());
        inFlight.remove(s.id());
        if (s.retryPolicy() == RetryPolicy.SuspendRetries) {
            suspended.add(s.id());
            suspendedHook.accept(s.id());
        } else {
            terminate.accept(s.id());
        }
    }

    private Future<Void> post(EventDestination s, RedfishEvent e) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(s.destination())
                .setIdleTimeout(10_000)
                .setFollowRedirects(false);
        s.httpHeaders().forEach(options::putHeader);
        options.putHeader("Content-Type", "application/json");
        Buffer body = Buffer.buffer(
                Json.write(EventJson.render(e, s.context(), s.filter().includeOriginOfCondition())));
        return client.request(options).compose(req -> req.send(body)).compose(resp -> {
            int status = resp.statusCode();
            return resp.end()
                    .compose(v -> status >= 200 && status < 300
                            ? Future.succeededFuture()
                            : Future.failedFuture("HTTP " + status));
        });
    }
}
