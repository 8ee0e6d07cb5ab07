package dev.bmcagent.redfish.backend;

import dev.bmcagent.acpi.progress.BootProgress;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One host, as a Redfish ComputerSystem shows it: a snapshot the agent builds from its lifecycle state.
 *
 * @param id                   the host id (URI segment: letters, digits, '-', '_')
 * @param name                 display name
 * @param powerState           PowerState
 * @param acpi                 ACPI system/device state, last change, inferred
 * @param bootProgress         BootProgress (LastState, LastStateTime, OemLastState, LastBootTimeSeconds)
 * @param biosVersion          BiosVersion
 * @param uuid                 UUID (SMBIOS system UUID)
 * @param memoryGiB            MemorySummary.TotalSystemMemoryGiB as the host reported it in its last boot
 * @param processors           ProcessorSummary
 * @param indicatorLed         IndicatorLED (writable)
 * @param assetTag             AssetTag (writable)
 * @param bootOverride         Boot source override (writable)
 * @param bootOrder            Boot.BootOrder: the declared order the reconciler enforces (writable)
 * @param bootOptions          boot options as the host reports them
 * @param health               Status.Health: the worst severity of the host's active alerts, OK with none
 * @param bootOrderPatterns    Oem.BmcAgent.BootOrderPatterns: the declared order as the reconciler holds it (regular
 *                             expressions matched against whole boot option names; writable), empty if none
 */
public record SystemView(
        String id,
        String name,
        PowerState powerState,
        AcpiView acpi,
        BootProgress bootProgress,
        String biosVersion,
        UUID uuid,
        double memoryGiB,
        ProcessorSummaryView processors,
        IndicatorLed indicatorLed,
        String assetTag,
        BootOverride bootOverride,
        List<String> bootOrder,
        List<BootOptionView> bootOptions,
        Health health,
        List<String> bootOrderPatterns) {
    private static final Pattern URI_SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SystemView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(powerState, "powerState");
        Objects.requireNonNull(acpi, "acpi");
        Objects.requireNonNull(bootProgress, "bootProgress");
        Objects.requireNonNull(biosVersion, "biosVersion");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(processors, "processors");
        Objects.requireNonNull(indicatorLed, "indicatorLed");
        Objects.requireNonNull(assetTag, "assetTag");
        Objects.requireNonNull(bootOverride, "bootOverride");
        bootOrder = List.copyOf(bootOrder);
        bootOptions = List.copyOf(bootOptions);
        Objects.requireNonNull(health, "health");
        bootOrderPatterns = List.copyOf(bootOrderPatterns);
        if (!URI_SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("system id must be a URI-safe id: " + id);
        }
        if (memoryGiB < 0) {
            throw new IllegalArgumentException("negative memory");
        }
    }
}
