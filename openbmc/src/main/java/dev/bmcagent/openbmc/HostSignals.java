package dev.bmcagent.openbmc;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.core.node.HostInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's phosphor properties → its node's ordinary inputs (the same ports the IPMI system interface feeds):
 * chassis {@code CurrentPowerState} → power good (its loss makes the core infer S5), {@code SysACPIStatus} /
 * {@code DevACPIStatus} → the ACPI port (as Set ACPI Power State does), {@code BootProgress} → a firmware progress
 * or OS-boot-complete input, {@code Boot.Raw} {@code Value} → a POST code. Initial values: power and ACPI state
 * are taken (the agent may start mid-boot; {@code Unknown} means "not initialised" and is skipped), BootProgress too,
 * but not the last POST code (it was seen before the agent started).
 */
final class HostSignals {
    private static final Logger log = LoggerFactory.getLogger(HostSignals.class);

    private HostSignals() {}

    static void follow(PropertyWatch watch, HostInputs node) {
        int i = node.index();
        // registration order = delivery order of the initial reads: power first, then ACPI, then progress
        watch.watch(
                Pdi.CHASSIS_SERVICE,
                Pdi.chassisPath(i),
                Pdi.CHASSIS,
                (p, initial) -> string(p, "CurrentPowerState")
                        .flatMap(PhosphorInputs::powerGood)
                        .ifPresent(node::powerGood));
        watch.watch(Pdi.SETTINGS_SERVICE, Pdi.acpiPath(i), Pdi.ACPI, (p, initial) -> acpi(node, p, initial));
        watch.watch(
                Pdi.HOST_SERVICE,
                Pdi.hostPath(i),
                Pdi.BOOT_PROGRESS,
                (p, initial) -> string(p, "BootProgress")
                        .flatMap(PhosphorInputs::progress)
                        .ifPresent(node::submit));
        watch.watch(Pdi.BOOT_RAW_SERVICE, Pdi.rawPath(i), Pdi.BOOT_RAW, (p, initial) -> {
            if (!initial && p.get("Value") != null) {
                Optional<List<Byte>> primary = primary(p.get("Value").getValue());
                primary.flatMap(PhosphorInputs::postCode)
                        .ifPresentOrElse(
                                node::submit,
                                () -> log.warn(
                                        "{}: POST code {} not understood (want 1-2 primary bytes)",
                                        node.hostId(),
                                        p.get("Value")));
            }
        });
    }

    private static void acpi(HostInputs node, Map<String, Variant<?>> p, boolean initial) {
        var system = string(p, "SysACPIStatus").flatMap(PhosphorInputs::system);
        var device = string(p, "DevACPIStatus").flatMap(PhosphorInputs::device);
        if (initial) {
            system = system.filter(s -> s != AcpiSystemState.UNKNOWN);
            device = device.filter(d -> d != AcpiDeviceState.UNKNOWN);
        }
        if (system.isPresent() || device.isPresent()) {
            node.submit(new LifecycleInput.AcpiReported(system, device));
        }
    }

    private static Optional<String> string(Map<String, Variant<?>> p, String name) {
        Variant<?> v = p.get(name);
        return v != null && v.getValue() instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The first member of a {@code (ayay)} struct as dbus-java hands it over (Object[] of byte[] or List). */
    static Optional<List<Byte>> primary(Object value) {
        Object first = value instanceof Object[] a && a.length > 0
                ? a[0]
                : value instanceof org.freedesktop.dbus.Struct s && s.getParameters().length > 0
                        ? s.getParameters()[0]
                        : null;
        List<Byte> out = new ArrayList<>();
        if (first instanceof byte[] b) {
            for (byte x : b) {
                out.add(x);
            }
        } else if (first instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Byte x)) {
                    return Optional.empty();
                }
                out.add(x);
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(out);
    }
}
