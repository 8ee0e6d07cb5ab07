package dev.bmcagent.redfish.net;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes HTTP connections that hold a slot without using it, after TLS (the handshake has its own timeout):
 * no complete request header within {@code header} of connecting, no next request within {@code idle} after the
 * last response, or a request body not complete within {@code body} of its header. A response that is still being
 * written (an SSE stream) is never cut: the idle clock only runs between requests.
 */
public final class ConnectionTimeouts {
    private final Vertx vertx;
    private final long headerMs;
    private final long idleMs;
    private final long bodyMs;
    private final IdentityHashMap<HttpConnection, State> states = new IdentityHashMap<>();
    private final AtomicInteger bodyTimers = new AtomicInteger();

    public ConnectionTimeouts(Vertx vertx, Duration header, Duration idle, Duration body) {
        this.vertx = vertx;
        this.headerMs = header.toMillis();
        this.idleMs = idle.toMillis();
        this.bodyMs = body.toMillis();
    }

    /** For {@code HttpServer.connectionHandler}. */
    public void opened(HttpConnection connection) {
        State s = new State(connection);
        synchronized (this) {
            states.put(connection, s);
        }
        connection.closeHandler(v -> closed(connection));
        s.arm(headerMs);
    }

    /** The router's first handler: a request stops the connection's clock until its response has ended. */
    public Handler<RoutingContext> requestHandler() {
        return ctx -> {
            State s;
            synchronized (this) {
                s = states.get(ctx.request().connection());
            }
            if (s != null) {
                long bodyTimer = s.requestStarted(ctx.request());
                ctx.addEndHandler(v -> {
                    if (bodyTimer >= 0 && vertx.cancelTimer(bodyTimer)) {
                        bodyTimers.decrementAndGet(); // else it held the request and its context for bodyMs
                    }
                    s.responseEnded();
                });
            }
            ctx.next();
        };
    }

    private synchronized void closed(HttpConnection connection) {
        State s = states.remove(connection);
        if (s != null) {
            s.disarm();
        }
    }

    /** Body timers set and neither fired nor cancelled: requests whose response has not ended (for tests). */
    public int pendingBodyTimers() {
        return bodyTimers.get();
    }

    /** Open connections being watched (for tests). */
    public synchronized int watched() {
        return states.size();
    }

    private final class State {
        private final HttpConnection connection;
        private long timer = -1;
        private int inFlight;

        State(HttpConnection connection) {
            this.connection = connection;
        }

        synchronized void arm(long ms) {
            disarm();
            timer = vertx.setTimer(ms, t -> expire(t));
        }

        synchronized void disarm() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        private void expire(long id) {
            synchronized (this) {
                if (id != timer) {
                    return;
                }
                timer = -1;
            }
            connection.close();
        }

        /** Returns the body timer's id, cancelled when the response ends; -1 when the request has ended. */
        synchronized long requestStarted(HttpServerRequest request) {
            inFlight++;
            disarm();
            if (request.isEnded()) {
                return -1;
            }
            bodyTimers.incrementAndGet();
            return vertx.setTimer(bodyMs, t -> {
                bodyTimers.decrementAndGet();
                if (!request.isEnded()) {
                    connection.close();
                }
            });
        }

        synchronized void responseEnded() {
            inFlight--;
            if (inFlight == 0) {
                arm(idleMs);
            }
        }
    }
}
