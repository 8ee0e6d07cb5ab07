package dev.bmcagent.core.node;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.core.host.HostLinkListener;
import java.util.concurrent.CompletableFuture;

/**
 * A host's role towards whatever reports the host or asks something of it: host links (VM protocol, D-Bus, in
 * process), configuration and Redfish. Everything goes through the host's mailbox as a {@link LifecycleInput}.
 * {@link HostNode} is the implementation.
 */
public interface HostInputs extends HostLinkListener {
    /** The host's index (0..N-1). */
    int index();

    /** The host's id, {@code host<index>}. */
    String hostId();

    /** Queues a lifecycle input; fire-and-forget callers may drop the future. */
    @CanIgnoreReturnValue
    CompletableFuture<?> submit(LifecycleInput input);

    /** Power-good changed (in-process host; a link reports it through {@link #onEvent}). */
    void powerGood(boolean on);

    /** The platform reset line was asserted. */
    void platformReset();
}
