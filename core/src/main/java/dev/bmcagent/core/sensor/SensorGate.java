package dev.bmcagent.core.sensor;

import dev.bmcagent.acpi.policy.GateClass;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Which {@link GateClass}es of one host may be read. The gate is absolute: {@link #whileOpen} runs a read only
 * while its class is open, holding the class's read lock for the whole read; {@link #close} takes the write lock,
 * so it waits for reads already in flight, and no read of that class starts until {@link #open}.
 *
 * <p>One fair read-write lock per class, so closing one class never waits for reads of another, and a stream of
 * reads cannot starve a close. A thread must not close a gate from inside {@link #whileOpen} (the lock does not
 * upgrade; it would deadlock).
 */
public final class SensorGate {
    private final Map<GateClass, ReentrantReadWriteLock> locks = new EnumMap<>(GateClass.class);
    private final Map<GateClass, AtomicBoolean> open = new EnumMap<>(GateClass.class);

    /** A gate with {@code closed} closed and every other class open. */
    public SensorGate(Set<GateClass> closed) {
        for (GateClass c : GateClass.values()) {
            locks.put(c, new ReentrantReadWriteLock(true));
            open.put(c, new AtomicBoolean(!closed.contains(c)));
        }
    }

    /** A gate with every class open. */
    public static SensorGate allOpen() {
        return new SensorGate(Set.of());
    }

    /** Runs {@code read} if {@code gate} is open, holding it open meanwhile; empty (nothing run) when closed. */
    public <T> Optional<T> whileOpen(GateClass gate, Supplier<T> read) {
        ReentrantReadWriteLock.ReadLock lock = locks.get(gate).readLock();
        lock.lock();
        try {
            if (!isOpenLocked(gate)) {
                return Optional.empty();
            }
            return Optional.of(read.get());
        } finally {
            lock.unlock();
        }
    }

    /** Closes {@code gate}; returns once every read of that class in flight has completed. */
    public void close(GateClass gate) {
        set(gate, false);
    }

    /** Opens {@code gate}. */
    public void open(GateClass gate) {
        set(gate, true);
    }

    /** Opens or closes {@code gate} (closing waits for in-flight reads of that class). */
    public void set(GateClass gate, boolean isOpen) {
        ReentrantReadWriteLock.WriteLock lock = locks.get(gate).writeLock();
        lock.lock();
        try {
            open.get(gate).set(isOpen);
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code gate} is open right now (advisory: may change as soon as it returns). */
    public boolean isOpen(GateClass gate) {
        return isOpenLocked(gate);
    }

    /** The classes closed right now. */
    public Set<GateClass> closed() {
        EnumSet<GateClass> closed = EnumSet.noneOf(GateClass.class);
        open.forEach((c, o) -> {
            if (!o.get()) {
                closed.add(c);
            }
        });
        return Set.copyOf(closed);
    }

    private boolean isOpenLocked(GateClass gate) {
        return open.get(gate).get();
    }
}
