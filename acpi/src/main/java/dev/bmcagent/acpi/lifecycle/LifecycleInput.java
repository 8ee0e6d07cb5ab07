package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything that can happen to a host's lifecycle. Sealed; {@link DefaultHostLifecycle} handles each permitted type in
 * an {@code instanceof} chain (Java 17 has no exhaustive pattern switch) and LifecycleInputCoverageTest fails when a
 * type is added without a handler.
 */
public sealed interface LifecycleInput {

    /** The host set its ACPI state (Set ACPI Power State on the system interface); empty = "no change". */
    record AcpiReported(Optional<AcpiSystemState> system, Optional<AcpiDeviceState> device) implements LifecycleInput {
        public AcpiReported {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(device, "device");
        }
    }

    /** Power-good changed (chassis power rail / the VM's connection). */
    record PowerGood(boolean on) implements LifecycleInput {}

    /** The host reset without shutting down (warm reset, hard reset, watchdog). */
    record HostReset(ResetKind kind) implements LifecycleInput {
        public HostReset {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The host's system interface connected (for QEMU: the chardev connected; power-good follows). */
    record HostConnected() implements LifecycleInput {}

    /** The host's system interface went away (for QEMU: the guest powered off or died). */
    record HostDisconnected() implements LifecycleInput {}

    /** A boot progress report in any of the three vocabularies. */
    record Progress(ProgressCode code) implements LifecycleInput {
        public Progress {
            Objects.requireNonNull(code, "code");
        }
    }

    /** System firmware error (0Fh offset 00h) or hang (offset 01h), with event data 2. */
    record FirmwareProblem(FirmwareProblemKind kind, int eventData2) implements LifecycleInput {
        public FirmwareProblem {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A boot error (sensor type 1Eh), e.g. a network boot attempt that failed on an interface.
     *
     * <p>Firmware reports no duration: the lifecycle measures the time the attempt lost on its own clock.
     *
     * @param kind          what failed
     * @param interfaceName the boot option / interface, empty when unknown
     * @param iface         interface index, IP version and protocol as the host encoded them, when it did
     */
    record BootError(BootErrorKind kind, String interfaceName, Optional<BootInterface> iface)
            implements LifecycleInput {
        public BootError {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(iface, "iface");
        }

        public BootError(BootErrorKind kind, String interfaceName) {
            this(kind, interfaceName, Optional.empty());
        }
    }

    /**
     * The host's firmware reported the memory it initialised (OEM Report Memory during POST).
     *
     * @param populated DIMMs initialised
     * @param expected  DIMM slots the platform expects populated
     * @param totalMiB  usable memory
     * @param slots     which slots (0-based) were initialised, when the host sent the optional bitmap
     */
    record MemoryReported(int populated, int expected, long totalMiB, Optional<SortedSet<Integer>> slots)
            implements LifecycleInput {
        public MemoryReported {
            if (populated < 0 || expected < 0 || totalMiB < 0) {
                throw new IllegalArgumentException("negative memory report");
            }
            slots = slots.map(s -> Collections.unmodifiableSortedSet(new TreeSet<>(s)));
            if (slots.isPresent()
                    && (slots.get().size() != populated || slots.get().stream().anyMatch(i -> i < 0))) {
                throw new IllegalArgumentException("slot bitmap disagrees with the populated count");
            }
        }

        /** A report with counts only. */
        public MemoryReported(int populated, int expected, long totalMiB) {
            this(populated, expected, totalMiB, Optional.empty());
        }
    }

    /** OS boot completed (sensor type 1Fh offset 06h... or the OS reported S0 after ExitBootServices). */
    record OsBootComplete() implements LifecycleInput {}

    /** A client (IPMI, Redfish) asked the BMC to change the host's power. */
    record PowerCommand(PowerAction action) implements LifecycleInput {
        public PowerCommand {
            Objects.requireNonNull(action, "action");
        }
    }

    /** Time passed (the agent ticks each host periodically; the stuck detector runs here). */
    record Tick() implements LifecycleInput {}

    /** A sensor that should be readable could not be read (failed=true) or reads again (failed=false). */
    record SensorHealth(String sensor, boolean failed, String reason) implements LifecycleInput {
        public SensorHealth {
            Objects.requireNonNull(sensor, "sensor");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A fan reads 0 RPM while commanded to spin (stalled=true), or spins again (false); BMC-detected, any state. */
    record FanStalled(String fan, boolean stalled) implements LifecycleInput {
        public FanStalled {
            Objects.requireNonNull(fan, "fan");
        }
    }

    /** The host reported its current boot order at POST (boot option display strings, in order). */
    record BootOrderReported(List<String> options) implements LifecycleInput {
        public BootOrderReported {
            options = List.copyOf(options);
        }
    }

    /**
     * The firmware acknowledged the declared order as ignored: it boots in its own order whatever BootOrder says
     * (e.g. a vendor "Force Priority" setting). No re-apply or reboot can change that.
     */
    record BootOrderRefused() implements LifecycleInput {}

    /** The declared boot-interface order changed (config or Redfish): patterns, most preferred first. */
    record BootOrderDeclared(List<String> patterns) implements LifecycleInput {
        public BootOrderDeclared {
            patterns = List.copyOf(patterns);
        }
    }

    enum ResetKind {
        WARM,
        HARD
    }

    enum FirmwareProblemKind {
        ERROR,
        HANG
    }

    /** Boot error offsets (sensor type 1Eh, IPMI 2.0 table 42-3). */
    enum BootErrorKind {
        NO_BOOTABLE_MEDIA(0x00),
        NON_BOOTABLE_DISKETTE(0x01),
        PXE_SERVER_NOT_FOUND(0x02),
        INVALID_BOOT_SECTOR(0x03),
        TIMEOUT_WAITING_FOR_SELECTION(0x04);

        private final int selOffset;

        BootErrorKind(int selOffset) {
            this.selOffset = selOffset;
        }

        public int selOffset() {
            return selOffset;
        }
    }

    /** Power requests a client can make; the lifecycle turns them into host actions. */
    enum PowerAction {
        ON,
        FORCE_OFF,
        GRACEFUL_SHUTDOWN,
        POWER_CYCLE,
        HARD_RESET,
        WARM_RESET,
        NMI
    }
}
