package dev.bmcagent.hostif;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.host.HostLinkEvent;
import dev.bmcagent.core.host.HostLinkListener;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceState;
import dev.bmcagent.ipmi.registry.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BMC end of one host's VM-protocol link (what QEMU's {@code ipmi-bmc-extern} connects to): listens
 * on {@code 127.0.0.1:9002+hostIndex}, accepts only the configured peers ({@link PeerAllowList}, default
 * loopback) and one host at a time, dispatches the host's IPMI requests into the shared {@link Dispatcher} as
 * {@code RequestContext.systemInterface(hostIndex)}, reports link events, and sends power/reset/NMI/IRQ
 * operations the host advertised.
 *
 * <p>A second connection while a host is connected is refused (logged, {@link HostLinkEvent.ConnectionRejected},
 * closed without a greeting) unless the connected link is dead: when it is already closed, or silent for
 * {@link HostPortLimits#idleTimeout()} and the liveness probe written to it fails within
 * {@link HostPortLimits#probeWait()}, the newcomer replaces it (the old link's {@code Disconnected} first).
 */
public final class HostInterfaceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostInterfaceServer.class);

    private final HostInterfaceConfig config;
    private final Dispatcher dispatcher;
    private final SystemInterfaceState state;
    private final HostLinkListener listener;
    private final Scheduler scheduler;
    private final Executor dispatchExecutor;
    private final EventLoopGroup sharedGroup;
    private final HostInterfaceStats stats = new HostInterfaceStats();
    /** Warnings about what a peer sends: per kind at most 5 lines per 10 s, then a count (a garbage flood). */
    private final dev.bmcagent.common.log.RateLimitedLog log;

    private final StartCommand startCommand;
    private final AtomicReference<HostConnection> active = new AtomicReference<>();
    /** Guards {@link #active} changes and {@link #pending}; never held while waiting for the event loop. */
    private final Object links = new Object();
    /** A newcomer waiting for the probe of a silent link (guarded by {@link #links}). */
    private HostConnection pending;

    private EventLoopGroup ownGroup;
    private Channel serverChannel;
    /** Set by {@link #quiesce()}: requests are answered D2h from then on and change nothing. */
    private volatile boolean quiescing;
    /** Requests dispatched whose answer is not written to the socket yet (guarded by itself). */
    private final Object idle = new Object();

    private int answering;

    /**
     * @param dispatchExecutor where IPMI requests are dispatched (handlers may block: pass the agent's
     *                         executor; {@code Runnable::run} dispatches on the Netty event loop)
     * @param group            event loop to run on, or null to own a one-thread NIO loop
     */
    public HostInterfaceServer(
            HostInterfaceConfig config,
            Dispatcher dispatcher,
            SystemInterfaceState state,
            HostLinkListener listener,
            Scheduler scheduler,
            Executor dispatchExecutor,
            EventLoopGroup group) {
        this.config = Objects.requireNonNull(config, "config");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.state = Objects.requireNonNull(state, "state");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.dispatchExecutor = Objects.requireNonNull(dispatchExecutor, "dispatchExecutor");
        this.sharedGroup = group;
        this.log = new dev.bmcagent.common.log.RateLimitedLog(LOG);
        this.startCommand = new StartCommand(config.hostIndex(), config.startCommand());
        state.onReceiveInterruptChange(this::receiveInterruptChanged);
    }

    /** Dispatches on the event loop and owns its event loop. */
    public HostInterfaceServer(
            HostInterfaceConfig config,
            Dispatcher dispatcher,
            SystemInterfaceState state,
            HostLinkListener listener,
            Scheduler scheduler) {
        this(config, dispatcher, state, listener, scheduler, Runnable::run, null);
    }

    /** Binds and starts listening; returns the bound address (useful with port 0). */
    public synchronized InetSocketAddress start() {
        if (serverChannel != null) {
            throw new IllegalStateException("host" + hostIndex() + " host interface already started");
        }
        EventLoopGroup group = sharedGroup;
        if (group == null) {
            ownGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            group = ownGroup;
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(
                                config.limits().writeLowWater(), config.limits().writeHighWater()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        new VmNettyDecoder(HostInterfaceServer.this::decodeError),
                                        VmNettyEncoder.INSTANCE,
                                        new HostConnection(HostInterfaceServer.this));
                    }
                });
        var future = bootstrap.bind(config.bindHost(), config.port()).awaitUninterruptibly();
        if (!future.isSuccess()) {
            shutdownOwnGroup();
            throw new IllegalStateException(
                    "host" + hostIndex() + ": cannot listen on " + config.bindHost() + ":" + config.port(),
                    future.cause());
        }
        serverChannel = future.channel();
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        LOG.info("host{}: host interface (VM protocol) listening on {}", hostIndex(), bound);
        return bound;
    }

    /**
     * First step of a graceful stop: from now on every IPMI request from the host is answered with completion
     * code D2h (BMC initialisation in progress, what QEMU's ipmi-bmc-extern answers the guest itself while the BMC
     * is away; the guest's driver sends it again later) without being dispatched, so it changes nothing. Requests
     * already dispatched are still answered; {@link #awaitAnswered} waits for them. The link stays up.
     */
    public void quiesce() {
        quiescing = true;
    }

    boolean quiescing() {
        return quiescing;
    }

    void answerStarted() {
        synchronized (idle) {
            answering++;
        }
    }

    void answerWritten() {
        synchronized (idle) {
            answering--;
            idle.notifyAll();
        }
    }

    /**
     * Waits until every dispatched request's answer has been written to the socket (or failed to be), at most
     * {@code timeout}; true when none is left.
     */
    public boolean awaitAnswered(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (answering > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    /** Closes the listener and the host connection and releases the port. Idempotent. */
    public synchronized void stop() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
            serverChannel = null;
        }
        HostConnection waiting;
        synchronized (links) {
            waiting = pending;
            pending = null;
        }
        for (HostConnection connection : new HostConnection[] {waiting, active.get()}) {
            Channel ch = connection == null ? null : connection.channelOrNull();
            if (ch != null) {
                ch.close().awaitUninterruptibly();
            }
        }
        shutdownOwnGroup();
    }

    @Override
    public void close() {
        stop();
    }

    public int hostIndex() {
        return config.hostIndex();
    }

    public HostInterfaceStats stats() {
        return stats;
    }

    /** Output queued for the connected host and not yet written to its socket (bytes; 0 without a host). */
    public long pendingOutputBytes() {
        HostConnection c = active.get();
        Channel ch = c == null ? null : c.channelOrNull();
        var buffer = ch == null ? null : ch.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /** True while a host is connected (the VM is running). */
    public boolean isConnected() {
        return active.get() != null;
    }

    /** Capabilities of the connected host, empty when none is connected. */
    public Optional<VmCapabilities> capabilities() {
        return Optional.ofNullable(active.get()).map(HostConnection::capabilities);
    }

    /** Power-good as the link sees it: a connected host, or an extension peer that reported power on. */
    public boolean powerGood() {
        HostConnection c = active.get();
        return c != null && c.powerGood();
    }

    /** Power on: extension op {@code 50 A1} to a standby extension peer, else the start command. */
    public ControlResult powerOn() {
        HostConnection c = active.get();
        if (c != null) {
            if (c.powerGood()) {
                return ControlResult.ALREADY_ON;
            }
            if (c.capabilities().has(VmCapabilities.POWER_ON_EXTENSION)) {
                c.send(VmControl.of(VmCodes.OP_POWER_ON));
                return ControlResult.SENT;
            }
            return ControlResult.ALREADY_ON;
        }
        return startCommand.launch();
    }

    /** Chassis power down: {@code 03 A1} (VM_CMD_POWEROFF; needs capability POWER). */
    public ControlResult powerOff() {
        return sendIf(VmCapabilities.POWER, VmCodes.OP_POWEROFF);
    }

    /** Force off: the VM protocol has no separate op; same as {@link #powerOff()} ({@code 03 A1}). */
    public ControlResult forceOff() {
        return powerOff();
    }

    /** Soft (ACPI) shutdown: {@code 09 A1} (VM_CMD_GRACEFUL_SHUTDOWN; needs GRACEFUL_SHUTDOWN). */
    public ControlResult gracefulShutdown() {
        return sendIf(VmCapabilities.GRACEFUL_SHUTDOWN, VmCodes.OP_GRACEFUL_SHUTDOWN);
    }

    /** Hard reset: {@code 04 A1} (VM_CMD_RESET; needs RESET). */
    public ControlResult reset() {
        return sendIf(VmCapabilities.RESET, VmCodes.OP_RESET);
    }

    /** Diagnostic interrupt: {@code 07 A1} (VM_CMD_SEND_NMI; needs NMI). */
    public ControlResult nmi() {
        return sendIf(VmCapabilities.NMI, VmCodes.OP_SEND_NMI);
    }

    /** Attention bit: {@code 00 A1} off, {@code 01 A1} on, {@code 02 A1} on with interrupt (needs ATTN). */
    public ControlResult attention(boolean on, boolean interrupt) {
        int op = !on ? VmCodes.OP_NOATTN : interrupt ? VmCodes.OP_ATTN_IRQ : VmCodes.OP_ATTN;
        return sendIf(VmCapabilities.ATTN, op);
    }

    private ControlResult sendIf(int capability, int op) {
        HostConnection c = active.get();
        if (c == null) {
            return ControlResult.NOT_CONNECTED;
        }
        if (!c.capabilities().has(capability)) {
            LOG.info(
                    "host{}: host did not advertise capability {}, op {} not sent",
                    hostIndex(),
                    Integer.toHexString(capability),
                    Integer.toHexString(op));
            return ControlResult.UNSUPPORTED;
        }
        c.send(VmControl.of(op));
        return ControlResult.SENT;
    }

    private void receiveInterruptChanged(boolean enabled) {
        HostConnection c = active.get();
        if (c != null && c.capabilities().has(VmCapabilities.IRQ)) {
            c.send(VmControl.of(enabled ? VmCodes.OP_ENABLE_IRQ : VmCodes.OP_DISABLE_IRQ));
        }
    }

    private void decodeError(VmDecodeError error) {
        stats.decodeError(error);
        warn("decode-" + error, "host{}: dropped a malformed frame: {}", hostIndex(), error);
    }

    private void shutdownOwnGroup() {
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            ownGroup = null;
        }
    }

    // --- package-private hooks for HostConnection ---

    /** What happens to a new connection from an allowed peer. */
    enum Admission {
        /** No host was connected: it is the host now. */
        ATTACHED,
        /** The connected link looks dead: wait for its probe; {@link HostConnection#promote} or reject follows. */
        WAITING,
        /** A live host is connected. */
        REFUSED
    }

    Admission admit(HostConnection connection) {
        synchronized (links) {
            return admitLocked(connection);
        }
    }

    private Admission admitLocked(HostConnection connection) {
        HostConnection current = active.get();
        if (current == null) {
            active.set(connection);
            return Admission.ATTACHED;
        }
        if (pending != null) {
            return Admission.REFUSED;
        }
        boolean closed = !current.isOpen();
        if (!closed && current.silentFor(now()).compareTo(config.limits().idleTimeout()) < 0) {
            return Admission.REFUSED;
        }
        pending = connection;
        if (!closed) {
            current.probe();
        }
        scheduler.schedule(config.limits().probeWait(), () -> probeExpired(connection));
        return Admission.WAITING;
    }

    private void probeExpired(HostConnection connection) {
        synchronized (links) {
            if (pending != connection) {
                return;
            }
            pending = null;
        }
        connection.refuse("the connected host answered the liveness probe");
    }

    /** The waiting newcomer gave up before the decision. */
    void withdraw(HostConnection connection) {
        synchronized (links) {
            if (pending == connection) {
                pending = null;
            }
        }
    }

    /**
     * The link closed; a newcomer waiting to replace it becomes the active connection and is returned: the caller
     * reports the old link's disconnect, then {@link HostConnection#promote promotes} it.
     */
    HostConnection detach(HostConnection connection) {
        HostConnection next;
        synchronized (links) {
            if (!active.compareAndSet(connection, null)) {
                return null;
            }
            next = pending;
            pending = null;
            if (next != null) {
                active.set(next);
            }
        }
        if (next != null) {
            stats.replaced();
            LOG.info("host{}: the silent link is gone, the waiting connection replaces it", hostIndex());
        }
        return next;
    }

    void emit(HostLinkEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("host{}: host-link listener failed on {}", hostIndex(), event, e);
        }
    }

    Instant now() {
        return scheduler.clock().instant();
    }

    HostInterfaceConfig config() {
        return config;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    Executor dispatchExecutor() {
        return dispatchExecutor;
    }

    SystemInterfaceState state() {
        return state;
    }

    /** A rate-limited warning of kind {@code key}, on the server's clock. */
    void warn(String key, String format, Object... args) {
        log.warn(scheduler.clock().instant(), key, format, args);
    }
}
