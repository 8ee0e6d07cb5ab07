package dev.bmcagent.core.host;

import java.time.Instant;
import java.util.Objects;

/**
 * What the host link reports to the agent. The lifecycle wiring maps these to ACPI / power-good inputs:
 * a VM connection exists exactly while the (virtual) machine is powered, so {@link Connected} implies
 * power good and {@link Disconnected} means power-good lost.
 */
public sealed interface HostLinkEvent {
    int hostIndex();

    Instant at();

    /** A host connected and told its capabilities (or {@link VmCapabilities#NONE} if it never did). */
    record Connected(int hostIndex, Instant at, VmCapabilities capabilities, String peer) implements HostLinkEvent {
        public Connected {
            check(hostIndex, at);
            Objects.requireNonNull(capabilities, "capabilities");
            Objects.requireNonNull(peer, "peer");
        }
    }

    /** The host's connection closed: the machine powered off, was killed, or the link broke. */
    record Disconnected(int hostIndex, Instant at, String reason) implements HostLinkEvent {
        public Disconnected {
            check(hostIndex, at);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Power good changed: true on connect, false on disconnect (emitted right after the link event). */
    record PowerGood(int hostIndex, Instant at, boolean on) implements HostLinkEvent {
        public PowerGood {
            check(hostIndex, at);
        }
    }

    /** The host sent {@code 04 A1}: the machine was reset (QEMU sends it on every system reset). */
    record HostReset(int hostIndex, Instant at) implements HostLinkEvent {
        public HostReset {
            check(hostIndex, at);
        }
    }

    /** A second connection arrived while one was active; it was closed (the first one stays). */
    record ConnectionRejected(int hostIndex, Instant at, String peer) implements HostLinkEvent {
        public ConnectionRejected {
            check(hostIndex, at);
            Objects.requireNonNull(peer, "peer");
        }
    }

    private static void check(int hostIndex, Instant at) {
        if (hostIndex < 0) {
            throw new IllegalArgumentException("hostIndex must be >= 0: " + hostIndex);
        }
        Objects.requireNonNull(at, "at");
    }
}
