package dev.bmcagent.agent.runtime;

import dev.bmcagent.hostif.HostInterfaceServer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one edge of the host-interface cycle that is filled in late, named and filled once. A host's power port
 * sends its operations over the host interface server; the server answers the host from the command table; the
 * table serves the host's node; the node carries out power effects through the power port. {@link BmcRuntime}
 * builds them in that order (slot, power port, node, table, server) and {@linkplain #fill fills} the slot with the
 * started server; until then {@link #server()} is null and the power port offers nothing (as without a link).
 */
final class HostLinkSlot {
    private record Filled(HostInterfaceServer server, int port) {}

    private final AtomicReference<Filled> filled = new AtomicReference<>();

    /** The started server and its bound port; once. */
    void fill(HostInterfaceServer server, int boundPort) {
        Filled f = new Filled(Objects.requireNonNull(server, "server"), boundPort);
        if (!filled.compareAndSet(null, f)) {
            throw new IllegalStateException("host link slot filled twice");
        }
    }

    /** The server, or null before {@link #fill}. */
    HostInterfaceServer server() {
        Filled f = filled.get();
        return f == null ? null : f.server();
    }

    /** The server's bound port ({@code {hostPort}} in power commands), 0 before {@link #fill}. */
    int port() {
        Filled f = filled.get();
        return f == null ? 0 : f.port();
    }
}
