package dev.bmcagent.core.fan;

import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's fan loop: every interval (and at once on a mode change) computes the duty with the
 * {@link FanPolicy} from the mode the lifecycle set and the hottest <em>available</em> temperature, and writes it
 * to every zone it drives (fail-safe is the whole chassis, not one zone). The loop only obeys the mode: unavailable (gated, unpowered) and failed sensors are left out of
 * the temperature, they never make it choose fail-safe on its own. Controller failures are logged and counted.
 */
public final class FanLoop implements FanModeControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FanLoop.class);

    private final String hostId;
    private final List<Integer> zones;
    private final FanPolicy policy;
    private final FanController controller;
    private final Supplier<Map<SensorSpec, SensorValue>> sensors;
    private final Scheduler scheduler;
    private final Duration interval;
    private final AtomicLong writeFailures = new AtomicLong();
    private FanMode mode = FanMode.Normal;
    private OptionalInt lastNormalDuty = OptionalInt.empty();
    private volatile int lastDuty = -1;
    private volatile Scheduler.Cancellable task;

    /**
     * @param sensors the host's latest sensor values (e.g. {@code SensorPoller::snapshot})
     */
    public FanLoop(
            String hostId,
            int zone,
            FanPolicy policy,
            FanController controller,
            Supplier<Map<SensorSpec, SensorValue>> sensors,
            Scheduler scheduler,
            Duration interval) {
        this(hostId, List.of(zone), policy, controller, sensors, scheduler, interval);
    }

    /** A loop over every zone the controller drives ({@link FanController#zones()}). */
    public FanLoop(
            String hostId,
            FanPolicy policy,
            FanController controller,
            Supplier<Map<SensorSpec, SensorValue>> sensors,
            Scheduler scheduler,
            Duration interval) {
        this(hostId, controller.zones(), policy, controller, sensors, scheduler, interval);
    }

    private FanLoop(
            String hostId,
            List<Integer> zones,
            FanPolicy policy,
            FanController controller,
            Supplier<Map<SensorSpec, SensorValue>> sensors,
            Scheduler scheduler,
            Duration interval) {
        this.hostId = Objects.requireNonNull(hostId, "hostId");
        this.zones = List.copyOf(zones);
        if (this.zones.isEmpty()) {
            throw new IllegalArgumentException("a fan loop needs at least one zone");
        }
        this.policy = Objects.requireNonNull(policy, "policy");
        this.controller = Objects.requireNonNull(controller, "controller");
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** Starts the periodic loop (first step after one interval). */
    public void start() {
        if (task == null) {
            task = scheduler.scheduleAtFixedRate(interval, interval, this::step);
        }
    }

    @Override
    public void setMode(FanMode newMode, String reason) {
        Objects.requireNonNull(newMode, "newMode");
        synchronized (this) {
            if (mode != newMode) {
                log.info("{}: fan mode {} -> {} ({})", hostId, mode, newMode, reason);
            }
            mode = newMode;
        }
        step();
    }

    /** Computes and writes the duty once, now. */
    public void step() {
        int duty;
        synchronized (this) {
            OptionalDouble hottest = hottestAvailable();
            duty = policy.duty(mode, hottest, lastNormalDuty);
            if (mode == FanMode.Normal) {
                lastNormalDuty = OptionalInt.of(duty);
            }
            boolean written = false;
            for (int zone : zones) {
                try {
                    controller.setDuty(zone, duty);
                    written = true;
                } catch (RuntimeException e) {
                    long n = writeFailures.incrementAndGet();
                    log.warn("{}: setting zone {} to {}% failed ({} failures)", hostId, zone, duty, n, e);
                }
            }
            if (written) {
                lastDuty = duty;
            }
        }
    }

    private OptionalDouble hottestAvailable() {
        return sensors.get().entrySet().stream()
                .filter(e -> e.getKey().kind() == SensorKind.TEMPERATURE)
                .map(Map.Entry::getValue)
                .filter(v -> v instanceof SensorValue.Available)
                .mapToDouble(v -> ((SensorValue.Available) v).value())
                .max();
    }

    public synchronized FanMode mode() {
        return mode;
    }

    /** The duty last written successfully, -1 before the first write. */
    public int lastDuty() {
        return lastDuty;
    }

    public long writeFailures() {
        return writeFailures.get();
    }

    @Override
    public void close() {
        Scheduler.Cancellable t = task;
        if (t != null) {
            t.cancel();
        }
    }
}
