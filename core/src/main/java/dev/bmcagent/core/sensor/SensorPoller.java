package dev.bmcagent.core.sensor;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.Scheduler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one host's sensors through the gate at a fixed interval on the {@link Scheduler}, keeps each sensor's
 * latest {@link SensorValue}, and tells the host's lifecycle when a readable sensor fails or recovers
 * ({@link LifecycleInput.SensorHealth}, once per change).
 *
 * <p>A gated sensor is {@link SensorValue.Unavailable}, never failed. If a sensor reported failed becomes gated,
 * the poller reports it healthy ("gated") and forgets the failure, so that it is reported afresh if it still
 * fails once readable again. Polls run one at a time; reads are blocking and run on the scheduler's thread unless a
 * reader executor is given.
 */
public final class SensorPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SensorPoller.class);

    private final String hostId;
    private final List<SensorSpec> sensors;
    private final GatedSensorBus bus;
    private final Scheduler scheduler;
    private final Duration interval;
    private final Consumer<LifecycleInput> lifecycle;
    private final Map<String, SensorValue> latest = new ConcurrentHashMap<>();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Object pollLock = new Object();
    private final Executor reader;
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile Scheduler.Cancellable task;

    /**
     * @param lifecycle where sensor health inputs go (the host agent's {@code submit}); must not block on the poll
     */
    public SensorPoller(
            String hostId,
            List<SensorSpec> sensors,
            GatedSensorBus bus,
            Scheduler scheduler,
            Duration interval,
            Consumer<LifecycleInput> lifecycle) {
        this(hostId, sensors, bus, scheduler, interval, lifecycle, Runnable::run);
    }

    /**
     * Same, but the scheduler only triggers polls and {@code reader} performs them (so slow bus reads do not hold
     * up the scheduler's thread). A poll is skipped while the previous one is still queued or running.
     */
    public SensorPoller(
            String hostId,
            List<SensorSpec> sensors,
            GatedSensorBus bus,
            Scheduler scheduler,
            Duration interval,
            Consumer<LifecycleInput> lifecycle,
            Executor reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.hostId = Objects.requireNonNull(hostId, "hostId");
        this.sensors = List.copyOf(sensors);
        this.bus = Objects.requireNonNull(bus, "bus");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        for (SensorSpec s : this.sensors) {
            if (latest.putIfAbsent(
                            s.name(), new SensorValue.Unknown(scheduler.clock().instant()))
                    != null) {
                throw new IllegalArgumentException(hostId + ": duplicate sensor name " + s.name());
            }
        }
    }

    /** Starts polling: first poll after one interval. */
    public void start() {
        if (task == null) {
            task = scheduler.scheduleAtFixedRate(interval, interval, this::trigger);
        }
    }

    /** Polls every sensor once, now, on the calling thread. */
    public void pollOnce() {
        synchronized (pollLock) {
            for (SensorSpec s : sensors) {
                poll(s);
            }
        }
    }

    private void trigger() {
        if (!pollQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            reader.execute(this::pollSafely);
        } catch (RuntimeException e) {
            pollQueued.set(false);
            log.warn("{}: sensor poll not started", hostId, e);
        }
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            log.warn("{}: sensor poll failed", hostId, e);
        } finally {
            pollQueued.set(false);
        }
    }

    private void poll(SensorSpec s) {
        Optional<Reading> reading = bus.read(s);
        var now = scheduler.clock().instant();
        if (reading.isEmpty()) {
            latest.put(s.name(), new SensorValue.Unavailable(unavailableReason(s), now));
            if (failed.remove(s.name())) {
                lifecycle.accept(new LifecycleInput.SensorHealth(s.name(), false, "gated: " + s.gate() + " closed"));
            }
            return;
        }
        Reading r = reading.get();
        if (r instanceof Reading.Value v) {
            latest.put(s.name(), new SensorValue.Available(v.value(), now));
            if (failed.remove(s.name())) {
                lifecycle.accept(new LifecycleInput.SensorHealth(s.name(), false, "reads again"));
            }
        } else if (r instanceof Reading.Failed f) {
            String reason = f.reason();
            latest.put(s.name(), new SensorValue.Failed(reason, now));
            if (failed.add(s.name())) {
                log.info("{}: sensor {} failed: {}", hostId, s.name(), reason);
                lifecycle.accept(new LifecycleInput.SensorHealth(s.name(), true, reason));
            }
        }
    }

    private static SensorValue.UnavailableReason unavailableReason(SensorSpec s) {
        return s.gate() == GateClass.HOST_ON || s.gate() == GateClass.POWER_GOOD
                ? SensorValue.UnavailableReason.UNPOWERED
                : SensorValue.UnavailableReason.GATED;
    }

    /**
     * The sensor's value as of now: the latest poll, except that a sensor whose gate has closed since is
     * unavailable at once (from the moment of asking), not its last reading until the next poll. A reading taken
     * before S2_D2 must not be shown as current during it.
     */
    private SensorValue current(SensorSpec s) {
        SensorValue v = latest.get(s.name());
        if (!(v instanceof SensorValue.Unavailable) && !bus.gate().isOpen(s.gate())) {
            SensorValue gated = new SensorValue.Unavailable(
                    unavailableReason(s), scheduler.clock().instant());
            latest.replace(s.name(), v, gated); // unless a poll stored something newer meanwhile
            return gated;
        }
        return v;
    }

    /** The current value of the sensor named {@code name} ({@link #current}), empty when no such sensor exists. */
    public Optional<SensorValue> latest(String name) {
        return sensors.stream().filter(s -> s.name().equals(name)).findFirst().map(this::current);
    }

    /** Every configured sensor with its current value, in configuration order. */
    public Map<SensorSpec, SensorValue> snapshot() {
        Map<SensorSpec, SensorValue> out = new LinkedHashMap<>();
        for (SensorSpec s : sensors) {
            out.put(s, current(s));
        }
        return out;
    }

    public List<SensorSpec> sensors() {
        return sensors;
    }

    public String hostId() {
        return hostId;
    }

    @Override
    public void close() {
        Scheduler.Cancellable t = task;
        if (t != null) {
            t.cancel();
        }
    }
}
