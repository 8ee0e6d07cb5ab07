package dev.bmcagent.ipmi.command.oem;

import java.util.List;
import java.util.OptionalInt;

/**
 * Port to one host's agent for the project's OEM commands (NetFn 30h, system interface only). The agent
 * implements it; every method is called on the dispatch thread and must not block for long.
 */
public interface OemHostPort {

    /** Report POST Code (10h): a port-80 code, one or two bytes. */
    void postCode(int code);

    /** Report Boot Order (11h): the boot option descriptions the firmware will use, in order. */
    void bootOrderReported(List<String> options);

    /**
     * Get Pending Boot Order (12h): the declared patterns (Java regular expressions; empty when nothing is pending)
     * with their revision, which must change whenever the pending order is set or cleared.
     */
    PendingOrder pendingBootOrder();

    /**
     * Acknowledge Boot Order (13h): 00h written to NVRAM, 01h ignored (forced priority), for the order of
     * {@code revision} (the 12h revision the host read; empty from a host that does not send it). An acknowledge
     * whose revision is not the pending order's is stale: the newer order must stay pending.
     */
    void bootOrderAcknowledged(int status, OptionalInt revision);

    /** Report Memory (14h). */
    void memoryReported(MemoryReport report);
}
