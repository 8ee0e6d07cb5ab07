package dev.bmcagent.simulator.firmware;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Phase durations of a host's firmware and OS (profile parameters). Each duration is stretched by a uniform
 * jitter of ±{@code jitter} drawn from the host's own seeded generator, so runs are deterministic per seed.
 *
 * @param powerOnToFirmware power-on (or reset) to the first firmware instruction
 * @param primaryCpu        PEI core and BSP init
 * @param spdRead           one SPD read transaction on the SMBus (per DIMM)
 * @param trainingLong      memory training after a firmware or memory configuration change
 * @param trainingShort     memory training otherwise (fast boot: saved training data)
 * @param secondaryCpu      AP start-up
 * @param dxe               DXE drivers
 * @param bds               BDS entry, boot option bookkeeping
 * @param pci               PCI enumeration
 * @param osLoad            ExitBootServices to the OS reporting itself running
 * @param osShutdown        OS shutdown / reboot path
 * @param jitter            relative jitter, 0 to 0.5
 */
public record FirmwareTiming(
        Duration powerOnToFirmware,
        Duration primaryCpu,
        Duration spdRead,
        Duration trainingLong,
        Duration trainingShort,
        Duration secondaryCpu,
        Duration dxe,
        Duration bds,
        Duration pci,
        Duration osLoad,
        Duration osShutdown,
        double jitter) {

    /** A typical two-socket DDR5 server: minutes of training after a change, seconds otherwise. */
    public static final FirmwareTiming SERVER = new FirmwareTiming(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofMillis(50),
            Duration.ofSeconds(240),
            Duration.ofSeconds(25),
            Duration.ofSeconds(3),
            Duration.ofSeconds(20),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(45),
            Duration.ofSeconds(15),
            0.1);

    public FirmwareTiming {
        for (Duration d : new Duration[] {
            powerOnToFirmware,
            primaryCpu,
            spdRead,
            trainingLong,
            trainingShort,
            secondaryCpu,
            dxe,
            bds,
            pci,
            osLoad,
            osShutdown
        }) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative duration " + d);
            }
        }
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("jitter must be within 0..0.5: " + jitter);
        }
    }

    /** The same timing without jitter (exact durations, for tests). */
    public FirmwareTiming exact() {
        return new FirmwareTiming(
                powerOnToFirmware,
                primaryCpu,
                spdRead,
                trainingLong,
                trainingShort,
                secondaryCpu,
                dxe,
                bds,
                pci,
                osLoad,
                osShutdown,
                0);
    }

    /** {@code base} stretched by this timing's jitter. */
    public Duration jittered(Duration base, RandomGenerator rng) {
        if (jitter == 0 || base.isZero()) {
            return base;
        }
        double factor = 1 + (rng.nextDouble() * 2 - 1) * jitter;
        return Duration.ofNanos(Math.round(base.toNanos() * factor));
    }
}
