package dev.bmcagent.ipmi.command;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the port instance for the host a request concerns ({@link
 * dev.bmcagent.ipmi.message.RequestContext#hostIndex()}). The agent wires one per port; a single-host setup
 * uses {@link #single(Object)}.
 */
@FunctionalInterface
public interface HostScoped<T> {
    T forHost(int hostIndex);

    /** The same instance for every host. */
    static <T> HostScoped<T> single(T instance) {
        Objects.requireNonNull(instance, "instance");
        return hostIndex -> instance;
    }

    /** One instance per host, created on first use (for protocol state such as reservations). */
    static <T> HostScoped<T> lazy(Supplier<T> factory) {
        ConcurrentHashMap<Integer, T> map = new ConcurrentHashMap<>();
        return hostIndex -> map.computeIfAbsent(hostIndex, h -> factory.get());
    }
}
