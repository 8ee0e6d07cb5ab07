package dev.bmcagent.core.host;

import dev.bmcagent.acpi.lifecycle.MemoryBaseline;

/** {@code RecordMemory}: keeps the host's memory record durably, to be restored into its state at agent start. */
@FunctionalInterface
public interface MemoryRecordPort {
    /** Nothing is kept (a host whose state is not restored, e.g. in tests). */
    MemoryRecordPort NONE = memory -> {};

    void record(MemoryBaseline memory);
}
