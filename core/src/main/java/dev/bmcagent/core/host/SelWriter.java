package dev.bmcagent.core.host;

import dev.bmcagent.acpi.lifecycle.SelEvent;
import java.time.Instant;

/**
 * Where one host's SEL records go ({@code Effect.AppendSel}). The ipmi module's SEL repository implements it
 * (turning the domain event into the 16-byte record). Returns once the record is stored; throws on failure.
 */
@FunctionalInterface
public interface SelWriter {

    /** Appends {@code event}, timestamped {@code at} (the transition's time). */
    void append(SelEvent event, Instant at);
}
