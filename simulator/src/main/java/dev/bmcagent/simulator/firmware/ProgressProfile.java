package dev.bmcagent.simulator.firmware;

import java.util.Locale;

/** How a host's firmware reports boot progress to the BMC. */
public enum ProgressProfile {
    /** Arm SBMR Send Boot Progress Code (NetFn 2Ch, cmd 02h, group AEh) with EFI status codes. */
    SBMR,
    /** IPMI Platform Event Messages, System Firmware Progress (sensor type 0Fh). */
    IPMI,
    /** Raw port-80 POST codes through the OEM Report POST Code command (NetFn 30h, cmd 10h). */
    POSTCODE,
    /** No progress at all (the BMC sees only ACPI states, power-good and resets). */
    SILENT;

    /** Parses a command-line name: sbmr, ipmi, postcode, silent. */
    public static ProgressProfile parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
