package dev.bmcagent.redfish;

import dev.bmcagent.redfish.accounts.AccountServiceResource;
import dev.bmcagent.redfish.backend.InMemorySessionPersistence;
import dev.bmcagent.redfish.backend.InMemorySubscriptionPersistence;
import dev.bmcagent.redfish.backend.RedfishBackends;
import dev.bmcagent.redfish.backend.SessionPersistence;
import dev.bmcagent.redfish.backend.SubscriptionPersistence;
import dev.bmcagent.redfish.certificates.CertificateServiceResource;
import dev.bmcagent.redfish.certificates.CertificateStore;
import dev.bmcagent.redfish.certificates.ServedCertificate;
import dev.bmcagent.redfish.chassis.ChassisResource;
import dev.bmcagent.redfish.chassis.EnvironmentMetricsResource;
import dev.bmcagent.redfish.chassis.LegacyThermalResource;
import dev.bmcagent.redfish.chassis.PowerResource;
import dev.bmcagent.redfish.chassis.SensorsResource;
import dev.bmcagent.redfish.chassis.ThermalResource;
import dev.bmcagent.redfish.events.DestinationValidator;
import dev.bmcagent.redfish.events.DurableSubscriptions;
import dev.bmcagent.redfish.events.EventDispatcher;
import dev.bmcagent.redfish.events.EventServiceResource;
import dev.bmcagent.redfish.events.PushDelivery;
import dev.bmcagent.redfish.events.RegistriesResource;
import dev.bmcagent.redfish.events.SseStreams;
import dev.bmcagent.redfish.events.SubscriptionStore;
import dev.bmcagent.redfish.http.AuthHandler;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.ODataHandler;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.RequestHygieneHandler;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.logs.BootLogResource;
import dev.bmcagent.redfish.logs.SelLogResource;
import dev.bmcagent.redfish.managers.EthernetInterfacesResource;
import dev.bmcagent.redfish.managers.MachineNetwork;
import dev.bmcagent.redfish.managers.ManagerResource;
import dev.bmcagent.redfish.net.AcceptGate;
import dev.bmcagent.redfish.net.CappedTransport;
import dev.bmcagent.redfish.net.ConnectionTimeouts;
import dev.bmcagent.redfish.service.MetadataResource;
import dev.bmcagent.redfish.service.OemSchemaResource;
import dev.bmcagent.redfish.service.ServiceRootResource;
import dev.bmcagent.redfish.sessions.SessionServiceResource;
import dev.bmcagent.redfish.sessions.SessionStore;
import dev.bmcagent.redfish.systems.BootOptionsResource;
import dev.bmcagent.redfish.systems.MemoryResource;
import dev.bmcagent.redfish.systems.ProcessorsResource;
import dev.bmcagent.redfish.systems.ResetActionResource;
import dev.bmcagent.redfish.systems.SystemsResource;
import dev.bmcagent.redfish.updates.UpdateServiceResource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Redfish service: HTTPS only (TLS 1.2/1.3), HTTP/1.1 keep-alive. Protocol headers, then authentication,
 * then the body limit run before any resource handler; resources register literal routes by feature.
 */
public final class RedfishServer {

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final RedfishOptions options;
    private final RedfishBackends backends;
    private final Clock clock;
    private final SubscriptionPersistence subscriptions;
    private final SessionStore sessions;
    private Context context;
    private HttpServer server;
    private EventDispatcher dispatcher;
    private HttpClient pushClient;
    private TlsEngine tlsEngine;
    private final AcceptGate gate;
    private ConnectionTimeouts timeouts;
    private long revalidateTimer = -1;
    /** How often open SSE streams are checked against their credentials. */
    static final long REVALIDATE_MILLIS = 1000;

    private CertificateStore certificates;
    private HttpServerOptions httpOptions;

    /** A server on its own Vert.x instance (closed by {@link #stop()}); subscriptions and sessions in memory only. */
    public RedfishServer(RedfishOptions options, RedfishBackends backends, Clock clock) {
        this(options, backends, new InMemorySubscriptionPersistence(), clock);
    }

    /**
     * A server on its own Vert.x instance (closed by {@link #stop()}) whose push subscriptions are loaded from and
     * kept in {@code subscriptions}; sessions in memory only.
     */
    public RedfishServer(
            RedfishOptions options, RedfishBackends backends, SubscriptionPersistence subscriptions, Clock clock) {
        this(options, backends, subscriptions, new InMemorySessionPersistence(), clock);
    }

    /**
     * A server on its own Vert.x instance (closed by {@link #stop()}) whose push subscriptions, login sessions and
     * SessionTimeout are loaded from and kept in the given persistence.
     */
    public RedfishServer(
            RedfishOptions options,
            RedfishBackends backends,
            SubscriptionPersistence subscriptions,
            SessionPersistence sessions,
            Clock clock) {
        this(null, true, options, backends, subscriptions, sessions, clock);
    }

    /**
     * A server on a shared Vert.x instance (left open by {@link #stop()}); subscriptions, sessions in memory only.
     * The connection timeouts apply, but not the accept-time connection cap, which needs the server's own Vert.x
     * built on {@link CappedTransport}.
     */
    public RedfishServer(Vertx vertx, RedfishOptions options, RedfishBackends backends, Clock clock) {
        this(
                vertx,
                false,
                options,
                backends,
                new InMemorySubscriptionPersistence(),
                new InMemorySessionPersistence(),
                clock);
    }

    private RedfishServer(
            Vertx vertx,
            boolean ownsVertx,
            RedfishOptions options,
            RedfishBackends backends,
            SubscriptionPersistence subscriptions,
            SessionPersistence sessions,
            Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.gate = new AcceptGate(options.maxConnections(), options.maxConnectionsPerSource(), clock);
        // our own Vert.x gets the accept-time connection cap; a shared one keeps its transport (timeouts only)
        this.vertx = vertx != null
                ? vertx
                : Vertx.builder().withTransport(new CappedTransport(gate)).build();
        this.ownsVertx = ownsVertx;
        this.backends = Objects.requireNonNull(backends, "backends");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.sessions = new SessionStore(
                clock,
                options.sessionTimeout(),
                options.maxSessions(),
                Objects.requireNonNull(sessions, "sessions"),
                backends.accounts()::sessionStamp);
    }

    /** Starts listening; the future completes when the port is bound. Loads or generates the certificate first. */
    public Future<Void> start() {
        certificates = TlsCertificates.open(options, clock);
        HttpServerOptions http = new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setSsl(true)
                .setKeyCertOptions(TlsCertificates.keyCert(certificates.current()))
                .setTrustOptions(TlsCertificates.NO_CLIENT_CERTIFICATES)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
                .setSslHandshakeTimeout(options.handshakeTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        tlsEngine = TlsEngine.configure(http, options.openSsl());
        this.httpOptions = http;
        Context context = vertx.getOrCreateContext();
        this.context = context;
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            try {
                sessions.restore();
                Router router = router(context);
                vertx.createHttpServer(http)
                        .connectionHandler(timeouts::opened)
                        .requestHandler(router)
                        .listen()
                        .onSuccess(s -> {
                            this.server = s;
                            started.complete();
                        })
                        .onFailure(started::fail);
            } catch (RuntimeException e) {
                started.fail(e);
            }
        });
        return started.future();
    }

    /** The bound port (after {@link #start()} completed). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.actualPort();
    }

    /** TCP connections open now (counted from accept) and refused so far by the connection limits. */
    public int openConnections() {
        return gate.open();
    }

    public long refusedConnections() {
        return gate.refused();
    }

    /** The TLS engine in use: "OPENSSL" or "JDK" (after {@link #start()}). */
    public String tlsEngine() {
        if (tlsEngine == null) {
            throw new IllegalStateException("not started");
        }
        return tlsEngine.name();
    }

    /**
     * Serves {@code c} to every connection accepted from now on (open connections keep theirs); fails, changing
     * nothing, when the TLS engine cannot use it.
     */
    Future<Void> serve(ServedCertificate c) {
        ServerSSLOptions ssl = httpOptions.getSslOptions().copy();
        ssl.setKeyCertOptions(TlsCertificates.keyCert(c));
        return server.updateSSLOptions(ssl, true)
                .compose(updated -> updated
                        ? Future.succeededFuture()
                        : Future.failedFuture("the TLS engine did not take the certificate"));
    }

    /** Stops serving; first writes the sessions' last-use times (on the server's context). */
    public Future<Void> stop() {
        Future<Void> flushed = Future.succeededFuture();
        Context c = context;
        context = null; // a second stop() does not flush on a closed context
        if (c != null) {
            Promise<Void> p = Promise.promise();
            c.runOnContext(v -> {
                try {
                    sessions.flush();
                } finally {
                    p.complete();
                }
            });
            flushed = p.future();
        }
        return flushed.eventually(this::stopServing);
    }

    private Future<Void> stopServing() {
        if (revalidateTimer >= 0) {
            vertx.cancelTimer(revalidateTimer);
        }
        if (dispatcher != null) {
            dispatcher.stop();
        }
        if (ownsVertx) {
            return vertx.close();
        }
        Future<Void> client = pushClient == null ? Future.succeededFuture() : pushClient.close();
        return client.eventually(() -> server == null ? Future.succeededFuture() : server.close());
    }

    /** The agent's listener ports a push destination on this machine may not name, this server's included. */
    private Set<Integer> ownPorts() {
        Set<Integer> ports = new java.util.HashSet<>(options.ownPorts());
        ports.add(options.port());
        if (server != null) {
            ports.add(server.actualPort());
        }
        return ports;
    }

    /** Everything event-related runs on {@code context}, the server's own event loop. */
    private Router router(Context context) {
        Router router = Router.router(vertx);
        dev.bmcagent.redfish.backend.MetricsEndpoint metrics = options.metrics();
        if (metrics != null) {
            router.route().handler(ctx -> {
                long start = System.nanoTime();
                String method = ctx.request().method().name();
                ctx.addEndHandler(
                        done -> metrics.requestDone(method, ctx.response().getStatusCode(), System.nanoTime() - start));
                ctx.next();
            });
        }
        timeouts = new ConnectionTimeouts(vertx, options.headerTimeout(), options.idleTimeout(), options.bodyTimeout());
        router.route().handler(timeouts.requestHandler());
        router.route().handler(new ODataHandler());
        router.route().handler(new RequestHygieneHandler());
        router.route().handler(new AuthHandler(backends.accounts(), sessions));
        router.route().handler(BodyHandler.create(false).setBodyLimit(options.bodyLimit()));
        Routes routes = new Routes(router);
        new ServiceRootResource(backends.manager().manager().uuid(), "bmc-agent").register(routes);
        new MetadataResource().register(routes);
        new OemSchemaResource().register(routes);
        SseStreams sse = new SseStreams();
        Runnable revalidate = () -> sse.endWhere(o -> !stillValid(o));
        new SessionServiceResource(sessions, backends.accounts(), revalidate).register(routes);
        new AccountServiceResource(backends.accounts(), user -> {
                    sessions.deleteAllOf(user);
                    revalidate.run();
                })
                .register(routes);
        // Expiry, lockout and changes made over IPMI or while nobody asked: checked every second.
        revalidateTimer = vertx.setPeriodic(REVALIDATE_MILLIS, t -> revalidate.run());
        new SystemsResource(backends.systems()).register(routes);
        new ResetActionResource(backends.systems()).register(routes);
        new BootOptionsResource(backends.systems()).register(routes);
        new MemoryResource(backends.systems()).register(routes);
        new ProcessorsResource(backends.systems()).register(routes);
        new BootLogResource(backends.logs(), backends.systems(), clock).register(routes);
        new ChassisResource(backends.chassis(), backends.systems()).register(routes);
        new LegacyThermalResource(backends.chassis()).register(routes);
        new PowerResource(backends.chassis()).register(routes);
        new EnvironmentMetricsResource(backends.chassis()).register(routes);
        new SensorsResource(backends.chassis()).register(routes);
        new ThermalResource(backends.chassis()).register(routes);
        // with a network backend, the host name it configured (the kernel's may lag, or not be set by it at all)
        java.util.function.Supplier<MachineNetwork.Snapshot> machine =
                backends.network().isEmpty()
                        ? MachineNetwork::read
                        : () -> MachineNetwork.read()
                                .withHostName(backends.network().get().hostName());
        new ManagerResource(backends.manager(), backends.systems(), machine).register(routes);
        new EthernetInterfacesResource(machine, backends.network()).register(routes);
        new SelLogResource(backends.logs(), clock).register(routes);
        events(context, sse).register(routes);
        new RegistriesResource().register(routes);
        new CertificateServiceResource(certificates, this::serve).register(routes);
        new UpdateServiceResource(backends.firmware()).register(routes);
        if (metrics != null) {
            // Prometheus: any account that can log in (Basic or a session token), like every Redfish read
            routes.stream(
                    "/metrics",
                    dev.bmcagent.redfish.backend.PrivilegeType.Login,
                    (ctx, p) -> ctx.response()
                            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                            .putHeader("Cache-Control", "no-store")
                            .end(io.vertx.core.buffer.Buffer.buffer(metrics.scrape())));
        }
        routes.finish();
        router.route()
                .handler(ctx ->
                        Responses.error(ctx, RedfishError.of(BaseMessage.ResourceMissingAtURI, ctx.normalizedPath())));
        router.errorHandler(
                413,
                ctx -> Responses.error(
                        ctx,
                        new RedfishError(
                                413, List.of(new RedfishError.Info(BaseMessage.GeneralError, List.of(), "")))));
        router.errorHandler(500, ctx -> Responses.error(ctx, RedfishError.of(BaseMessage.InternalError)));
        return router;
    }

    /**
     * An SSE stream lives as long as the credentials it was opened with: its session (logout, idle expiry, account
     * change) or, for Basic, its account's session stamp (deleted, disabled, locked, password or role changed).
     */
    private boolean stillValid(SseStreams.Opener o) {
        return o.principal()
                .sessionId()
                .map(sessions::valid)
                .orElseGet(() -> o.stamp().isPresent()
                        && backends.accounts()
                                .sessionStamp(o.principal().userName())
                                .equals(o.stamp()));
    }

    private EventServiceResource events(Context context, SseStreams sse) {
        SubscriptionStore store = new SubscriptionStore(options.maxSubscriptions());
        DurableSubscriptions durable = new DurableSubscriptions(subscriptions, store);
        pushClient = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
        PushDelivery push = new PushDelivery(
                vertx,
                pushClient,
                options.deliveryRetryAttempts(),
                options.deliveryRetryInterval(),
                durable::remove,
                durable::suspended);
        DestinationValidator destinations = new DestinationValidator(
                options.eventDestinationHosts(),
                RedfishOptions.MAX_DESTINATION_LENGTH,
                Set.of(options.host()),
                this::ownPorts);
        durable.restore(push, destinations);
        dispatcher = new EventDispatcher(context, store, sse, push);
        dispatcher.start(backends.events());
        return new EventServiceResource(
                store,
                durable,
                sse,
                push,
                dispatcher,
                destinations,
                clock,
                options.deliveryRetryAttempts(),
                options.deliveryRetryInterval().toSeconds(),
                backends.accounts()::sessionStamp,
                backends.events());
    }
}
