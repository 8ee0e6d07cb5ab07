package dev.bmcagent.acpi.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the host itself last reported about its firmware and hardware (OEM Report Boot Order, Report Memory), kept in
 * the {@link HostState} so every publisher (Redfish, MQTT, IPMI) reads the one snapshot instead of a copy kept by the
 * adapter that received the report. Like every host report, dropped while the host is off (no firmware runs then);
 * kept across power-off, until the next report replaces it.
 *
 * @param bootOrder the boot option descriptions of the last Report Boot Order, in order; empty before the first
 * @param memoryMiB usable memory of the last Report Memory; -1 before the first
 */
public record HostReports(List<String> bootOrder, long memoryMiB) {
    public static final HostReports NONE = new HostReports(List.of(), -1);

    public HostReports {
        bootOrder = List.copyOf(Objects.requireNonNull(bootOrder, "bootOrder"));
        if (memoryMiB < -1) {
            throw new IllegalArgumentException("memoryMiB below -1");
        }
    }

    public HostReports withBootOrder(List<String> options) {
        return new HostReports(options, memoryMiB);
    }

    public HostReports withMemoryMiB(long totalMiB) {
        return new HostReports(bootOrder, totalMiB);
    }

    /** Usable memory as last reported, empty before the first report. */
    public OptionalLong memory() {
        return memoryMiB < 0 ? OptionalLong.empty() : OptionalLong.of(memoryMiB);
    }
}
