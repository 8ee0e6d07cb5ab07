package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.EventSeverity;
import java.util.List;

/**
 * The project's message registry {@code BmcAgentBoot.1.0.0}: what the agent's events and boot logs say.
 * The agent builds {@code RedfishEvent}s with {@link #messageId()} and args in the order of {@link #paramTypes()}.
 */
public enum BootMessage {
    PowerStateChanged(
            EventSeverity.OK,
            "The power state of %1 changed to %2 (%3).",
            List.of("string", "string", "string"),
            "Indicates that the host's power state changed.",
            "None."),
    AcpiStateChanged(
            EventSeverity.OK,
            "The ACPI state of %1 changed to %2/%3 (inferred: %4, cause: %5).",
            List.of("string", "string", "string", "string", "string"),
            "Indicates that the host's ACPI system/device power state changed or was inferred by the BMC.",
            "None."),
    BootProgressChanged(
            EventSeverity.OK,
            "The boot progress of %1 changed to %2 (%3).",
            List.of("string", "string", "string"),
            "Indicates that BootProgress.LastState changed; the third argument names the OEM code or is empty.",
            "None."),
    BootCycleStarted(
            EventSeverity.OK,
            "Boot cycle %2 of %1 started (%3).",
            List.of("string", "number", "string"),
            "Indicates that a boot cycle started at power-on or reset.",
            "None."),
    BootCycleCompleted(
            EventSeverity.OK,
            "Boot cycle %2 of %1 ended with %3 after %4 seconds.",
            List.of("string", "number", "string", "number"),
            "Indicates that a boot cycle ended; for OS_RUNNING the fourth argument is LastBootTimeSeconds.",
            "None."),
    NetworkBootAttemptFailed(
            EventSeverity.Warning,
            "Network boot of %1 on interface %2 failed (%3); %4 seconds lost.",
            List.of("string", "string", "string", "number"),
            "Indicates that the firmware's network boot attempt on one interface failed.",
            "Check the declared boot order and the network boot infrastructure."),
    StuckPreOsRaised(
            EventSeverity.Warning,
            "%1 is stuck before the OS in %2 for %3 seconds.",
            List.of("string", "string", "number"),
            "Indicates that a host has not reached the OS within the configured time.",
            "Inspect the host's POST codes and boot history."),
    StuckPreOsCleared(
            EventSeverity.OK,
            "%1 is no longer stuck before the OS (%2).",
            List.of("string", "string"),
            "Indicates that a stuck-before-OS alert was cleared.",
            "None."),
    FanFailSafeEntered(
            EventSeverity.Critical,
            "Fans of %1 entered fail-safe (%2).",
            List.of("string", "string"),
            "Indicates that the fan controller drove the fans to maximum because of a real failure.",
            "Check the failed sensor or fan."),
    FanFailSafeLeft(
            EventSeverity.OK,
            "Fans of %1 left fail-safe (%2).",
            List.of("string", "string"),
            "Indicates that the fan controller left fail-safe.",
            "None."),
    FanModeChanged(
            EventSeverity.OK,
            "The fan mode of %1 changed to %2 (%3).",
            List.of("string", "string", "string"),
            "Indicates that the fan controller's mode changed (Normal, FixedDuty, FailSafe).",
            "None."),
    BootOrderReconciled(
            EventSeverity.OK,
            "Boot order of %1: %2 on attempt %3 (declared %4, reported %5).",
            List.of("string", "string", "number", "string", "string"),
            "Indicates a boot-order reconcile decision: OK, REAPPLY_AND_REBOOT or ALARM.",
            "None."),
    BootOrderAlarm(
            EventSeverity.Critical,
            "The declared boot order of %1 could not be applied: %2.",
            List.of("string", "string"),
            "Indicates that re-applying the declared boot order did not stick; no further reboots will be made.",
            "Check the firmware's boot options and the declared order."),
    BootOrderAlarmCleared(
            EventSeverity.OK,
            "The boot order alarm of %1 was cleared (%2).",
            List.of("string", "string"),
            "Indicates that the declared boot order holds again.",
            "None."),
    SlowBootRaised(
            EventSeverity.Warning,
            "%1 is booting slowly: %2.",
            List.of("string", "string"),
            "Indicates that one boot lost more than the configured limit to dead network-boot interfaces.",
            "Declare the boot interface order (BootOrder) or fix the network boot infrastructure."),
    SlowBootCleared(
            EventSeverity.OK,
            "%1 no longer boots slowly (%2).",
            List.of("string", "string"),
            "Indicates that a boot reached the OS losing no more than the limit to dead interfaces.",
            "None."),
    MissingMemoryRaised(
            EventSeverity.Critical,
            "%1 booted with memory missing: %2.",
            List.of("string", "string"),
            "Indicates that the firmware initialised fewer DIMMs than the host's last good boot.",
            "Check the DIMMs and the memory training log; make sure nothing reads the DIMM SMBus during POST."),
    MissingMemoryCleared(
            EventSeverity.OK,
            "The memory of %1 is complete again (%2).",
            List.of("string", "string"),
            "Indicates that the firmware initialised the DIMMs of the last good boot again.",
            "None."),
    FanStallRaised(
            EventSeverity.Critical,
            "A fan of %1 has stalled: %2.",
            List.of("string", "string"),
            "Indicates that a fan reads 0 RPM while commanded to spin, in any power state.",
            "Replace the fan."),
    FanStallCleared(
            EventSeverity.OK,
            "The fans of %1 spin again (%2).",
            List.of("string", "string"),
            "Indicates that no fan is stalled any more.",
            "None."),
    AlertUpdated(
            EventSeverity.Warning,
            "The %2 alert of %1 changed: %3.",
            List.of("string", "string", "string"),
            "Indicates that an active alert changed (for example the phase a stuck host is in); it stays active.",
            "None."),
    FirmwareProblemReported(
            EventSeverity.Critical,
            "Firmware of %1 reported %2 (event data 2: %3).",
            List.of("string", "string", "string"),
            "Indicates a System Firmware error or hang event (IPMI sensor type 0Fh, offset 00h or 01h).",
            "Inspect the host's POST codes and boot history."),
    PostCode(
            EventSeverity.OK,
            "Boot cycle %1 POST code %2 at %3 seconds.",
            List.of("number", "string", "number"),
            "A POST code the host sent during a boot cycle.",
            "None.");

    public static final String PREFIX = "BmcAgentBoot";
    public static final String VERSION = "1.0.0";
    /** Registry id as served under /redfish/v1/Registries. */
    public static final String REGISTRY_ID = PREFIX + "." + VERSION;

    private final EventSeverity severity;
    private final String template;

    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf below: unmodifiable, which the checker cannot see
    private final List<String> paramTypes;

    private final String description;
    private final String resolution;

    BootMessage(
            EventSeverity severity, String template, List<String> paramTypes, String description, String resolution) {
        this.severity = severity;
        this.template = template;
        this.paramTypes = List.copyOf(paramTypes);
        this.description = description;
        this.resolution = resolution;
    }

    /** e.g. "BmcAgentBoot.1.0.BootProgressChanged" (major.minor, as Redfish MessageIds carry). */
    public String messageId() {
        return PREFIX + ".1.0." + name();
    }

    public EventSeverity severity() {
        return severity;
    }

    public String template() {
        return template;
    }

    public List<String> paramTypes() {
        return paramTypes;
    }

    public String description() {
        return description;
    }

    public String resolution() {
        return resolution;
    }

    public String format(List<String> args) {
        String text = template;
        for (int i = Math.min(args.size(), paramTypes.size()); i >= 1; i--) {
            text = text.replace("%" + i, args.get(i - 1));
        }
        return text;
    }

    /** The message for a full message id of this registry (any 1.x minor), if any. */
    public static java.util.Optional<BootMessage> byMessageId(String messageId) {
        String[] parts = messageId.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].equals("1")) {
            return java.util.Optional.empty();
        }
        for (BootMessage m : values()) {
            if (m.name().equals(parts[3])) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
