package dev.bmcagent.simulator.fleet;

import dev.bmcagent.simulator.firmware.FirmwareComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fleet scenario as data: steps every host goes through, each ending when the host's OS runs again.
 * Steps marked unmeasured (e.g. the initial power-on before a reboot test) are excluded from the timings.
 *
 * @param name  scenario name (cold-boot, reboot, firmware-upgrade)
 * @param steps what happens, in order
 */
public record Scenario(String name, List<Step> steps) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one step");
        }
        if (!(steps.get(0) instanceof PowerOn)) {
            throw new IllegalArgumentException("a scenario starts with the hosts off: first step must be PowerOn");
        }
    }

    /** One step; the host must reach the OS for the step to complete. */
    public sealed interface Step {
        /** Whether this step's boots count in per-boot and per-cycle times. */
        boolean measured();
    }

    /** Power the host on (the BMC's chassis power on). */
    public record PowerOn(boolean measured) implements Step {}

    /** The OS reboots. */
    public record Reboot(boolean measured) implements Step {}

    /** Flash a firmware image from the OS (taking {@code flashTime}), then reboot. */
    public record FlashAndReboot(FirmwareComponent component, Duration flashTime, boolean measured) implements Step {
        public FlashAndReboot {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(flashTime, "flashTime");
        }
    }

    /** Power on from off; measured. */
    public static final Scenario COLD_BOOT = new Scenario("cold-boot", List.of(new PowerOn(true)));

    /** Power on (not measured), then one measured OS reboot. */
    public static final Scenario REBOOT = new Scenario("reboot", List.of(new PowerOn(false), new Reboot(true)));

    /** Power on (not measured), then BIOS, BMC and NIC updates, each followed by a reboot: one cycle, three boots. */
    public static final Scenario FIRMWARE_UPGRADE = firmwareUpgrade(1);

    /** Most sequential firmware upgrades one scenario may chain. */
    public static final int MAX_UPGRADES = 10;

    /**
     * Power on (not measured), then {@code upgrades} firmware upgrades in a row, each a BIOS, a BMC and a NIC update
     * followed by a reboot: a node that was powered off for long and is several releases behind steps through each
     * of them (3 × {@code upgrades} measured boots). One upgrade is the {@code firmware-upgrade} scenario.
     */
    public static Scenario firmwareUpgrade(int upgrades) {
        if (upgrades < 1 || upgrades > MAX_UPGRADES) {
            throw new IllegalArgumentException("upgrades must be 1-" + MAX_UPGRADES + ": " + upgrades);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new PowerOn(false));
        for (int i = 0; i < upgrades; i++) {
            steps.add(new FlashAndReboot(FirmwareComponent.BIOS, Duration.ofMinutes(2), true));
            steps.add(new FlashAndReboot(FirmwareComponent.BMC, Duration.ofMinutes(4), true));
            steps.add(new FlashAndReboot(FirmwareComponent.NIC, Duration.ofSeconds(60), true));
        }
        return new Scenario("firmware-upgrade", steps);
    }

    /** One of cold-boot, reboot, firmware-upgrade (one upgrade). */
    public static Scenario named(String name) {
        return named(name, 1);
    }

    /** One of cold-boot, reboot, firmware-upgrade; {@code upgrades} > 1 only for firmware-upgrade. */
    public static Scenario named(String name, int upgrades) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (upgrades != 1 && !key.equals("firmware-upgrade")) {
            throw new IllegalArgumentException("only firmware-upgrade chains upgrades: " + name);
        }
        return switch (key) {
            case "cold-boot" -> COLD_BOOT;
            case "reboot" -> REBOOT;
            case "firmware-upgrade" -> firmwareUpgrade(upgrades);
            default -> throw new IllegalArgumentException("unknown scenario: " + name);
        };
    }
}
