package dev.bmcagent.core.host;

import java.util.List;

/**
 * Stores one host's declared boot-interface order where the host reads it at POST ({@code Effect.ApplyBootOrder}).
 * {@link DeclaredBootOrder} is the in-memory implementation the host interface reads.
 */
public interface BootOrderPort {

    /** Stores {@code patterns} (most preferred first) for the host's next POST; replaces any previous order. */
    void apply(List<String> patterns);

    /** The order the host will read at its next POST; empty when none was declared. */
    List<String> current();
}
