package dev.bmcagent.ipmi.command.sbmr;

import dev.bmcagent.acpi.progress.ProgressCode;
import java.util.Optional;

/** Port to one host's boot progress for the Arm SBMR commands (the agent implements it over its lifecycle). */
public interface BootProgressPort {

    /** The host sent a boot progress code (Send Boot Progress Code). Must not block. */
    void report(ProgressCode.EfiStatusCode code);

    /** The last code the host sent, empty when none since the agent started. */
    Optional<ProgressCode.EfiStatusCode> last();
}
