package dev.bmcagent.core.sensor;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Decorates a {@link SensorBus}, counting every read issued, in total and per sensor name (tests, benchmarks). */
public final class CountingSensorBus implements SensorBus {
    private final SensorBus delegate;
    private final AtomicLong total = new AtomicLong();
    private final Map<String, AtomicLong> bySensor = new ConcurrentHashMap<>();

    public CountingSensorBus(SensorBus delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Reading read(SensorSpec sensor) {
        total.incrementAndGet();
        bySensor.computeIfAbsent(sensor.name(), n -> new AtomicLong()).incrementAndGet();
        return delegate.read(sensor);
    }

    /** Reads issued so far. */
    public long reads() {
        return total.get();
    }

    /** Reads issued so far for the sensor named {@code name}. */
    public long reads(String name) {
        AtomicLong n = bySensor.get(name);
        return n == null ? 0 : n.get();
    }
}
