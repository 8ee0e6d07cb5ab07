package dev.bmcagent.hostif;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one host link (thread-safe). Malformed input is counted here and dropped. */
final class HostInterfaceStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong controlsReceived = new AtomicLong();
    private final AtomicLong controlsSent = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong rejectedConnections = new AtomicLong();
    private final AtomicLong refusedPeers = new AtomicLong();
    private final AtomicLong replacedLinks = new AtomicLong();
    private final AtomicLong probesSent = new AtomicLong();
    private final AtomicLong droppedNonReaders = new AtomicLong();
    private final AtomicLong busyAnswers = new AtomicLong();
    private final Map<VmDecodeError, AtomicLong> decodeErrors = new EnumMap<>(VmDecodeError.class);

    HostInterfaceStats() {
        for (VmDecodeError e : VmDecodeError.values()) {
            decodeErrors.put(e, new AtomicLong());
        }
    }

    /** IPMI requests dispatched. */
    public long requests() {
        return requests.get();
    }

    /** Control operations received from the host. */
    public long controlsReceived() {
        return controlsReceived.get();
    }

    /** Control operations sent to the host. */
    public long controlsSent() {
        return controlsSent.get();
    }

    /** Well-formed but unexpected frames (responses from the host, unknown ops). */
    public long unexpected() {
        return unexpected.get();
    }

    /** Connections closed at once: a peer not in the allow-list, or a second one while a live host is connected. */
    public long rejectedConnections() {
        return rejectedConnections.get();
    }

    /** Of {@link #rejectedConnections()}: peers not in the allow-list. */
    public long refusedPeers() {
        return refusedPeers.get();
    }

    /** Dead links replaced by a new connection from an allowed peer. */
    public long replacedLinks() {
        return replacedLinks.get();
    }

    /** Liveness probes ({@code FF 01 A1}) written to a silent link. */
    public long probesSent() {
        return probesSent.get();
    }

    /** Peers disconnected because they left output unread past the deadline. */
    public long droppedNonReaders() {
        return droppedNonReaders.get();
    }

    /** Requests answered C0h because too many were in flight. */
    public long busyAnswers() {
        return busyAnswers.get();
    }

    public long decodeErrors(VmDecodeError kind) {
        return decodeErrors.get(kind).get();
    }

    public long decodeErrors() {
        return decodeErrors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    void request() {
        requests.incrementAndGet();
    }

    void controlReceived() {
        controlsReceived.incrementAndGet();
    }

    void controlSent() {
        controlsSent.incrementAndGet();
    }

    void countUnexpected() {
        unexpected.incrementAndGet();
    }

    void rejected() {
        rejectedConnections.incrementAndGet();
    }

    void refusedPeer() {
        refusedPeers.incrementAndGet();
        rejectedConnections.incrementAndGet();
    }

    void replaced() {
        replacedLinks.incrementAndGet();
    }

    void probe() {
        probesSent.incrementAndGet();
    }

    void droppedNonReader() {
        droppedNonReaders.incrementAndGet();
    }

    void busy() {
        busyAnswers.incrementAndGet();
    }

    void decodeError(VmDecodeError kind) {
        decodeErrors.get(kind).incrementAndGet();
    }
}
