package dev.bmcagent.simulator.host;

import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.firmware.FirmwareComponent;
import dev.bmcagent.simulator.firmware.FirmwarePhase;
import dev.bmcagent.simulator.firmware.ProgressReporter;
import dev.bmcagent.simulator.ipmi.HostMessages;
import dev.bmcagent.simulator.ipmi.HostRequest;
import dev.bmcagent.simulator.link.HostLink;
import dev.bmcagent.simulator.link.HostPowerControl;
import dev.bmcagent.simulator.netboot.BootOption;
import dev.bmcagent.simulator.netboot.DeclaredOrder;
import dev.bmcagent.simulator.netboot.NetworkPort;
import dev.bmcagent.simulator.netboot.Nvram;
import dev.bmcagent.simulator.smbus.SimSmbus;
import dev.bmcagent.simulator.thermal.SimFans;
import dev.bmcagent.simulator.thermal.ThermalModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One simulated server: power, UEFI boot (phases, SPD reads on a shared SMBus, boot options and network-boot
 * probing), the OS, sensors and fans. It talks to its BMC only through a {@link HostLink} (IPMI on the system
 * interface plus power-good / reset signals) and obeys the BMC through {@link HostPowerControl}. Deterministic
 * for a given seed and scheduler; everything runs on the scheduler's thread.
 */
public final class SimulatedHost implements HostPowerControl {
    private static final String[] ADAPTERS = {
        "Intel Network Adapter", "Broadcom NetXtreme Gigabit Ethernet", "Mellanox ConnectX-6 Dx"
    };
    private static final String[] OUIS = {"50:00:E6", "00:10:18", "B8:CE:F6"};

    private final int index;
    private final HostConfig config;
    private final Scheduler scheduler;
    private final RandomGenerator rng;
    private final ProgressReporter reporter;
    private final SimSmbus smbus;
    private final Nvram nvram;
    private final SimFans fans;
    private final ThermalModel thermal;
    private final HostFaults faults = new HostFaults();
    private final HostSensors sensors;
    private final List<BootRecord> completed = new ArrayList<>();
    private final List<Consumer<BootRecord>> osListeners = new ArrayList<>();
    private final Set<FirmwareComponent> staged = EnumSet.noneOf(FirmwareComponent.class);
    private HostLink link = (netFn, cmd, data) -> IpmiResponse.error(dev.bmcagent.ipmi.message.CompletionCode.TIMEOUT);
    private HostPowerState state = HostPowerState.OFF;
    private BootRun current;
    private int bootCount;
    private FirmwarePhase phase;
    private boolean configChanged = true;
    private boolean[] lastDetected;
    private long requestsSent;
    private int biosRevision;
    private int nicRevision;
    /** Revisions staged by {@link #flashRevision} (an image of a given version), else the next one. */
    private final java.util.Map<FirmwareComponent, Integer> stagedRevision =
            new java.util.EnumMap<>(FirmwareComponent.class);

    public SimulatedHost(int index, HostConfig config, long seed, Scheduler scheduler) {
        this.index = index;
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        SplittableRandom root = new SplittableRandom(seed);
        this.rng = root.split();
        this.reporter = new ProgressReporter(config.progress());
        this.smbus = new SimSmbus(scheduler, root.split(), config.spdFailureProbability(), config.smbusLog());
        this.nvram = new Nvram(ports(root.split()), config.diskModel(), config.bootList());
        this.fans = new SimFans(2, 6, 16_000);
        this.thermal = new ThermalModel(root.split());
        this.sensors = new HostSensors(this);
    }

    private List<NetworkPort> ports(RandomGenerator macs) {
        List<NetworkPort> out = new ArrayList<>();
        for (int i = 0; i < config.nics(); i++) {
            int v = i % ADAPTERS.length;
            String mac = String.format(
                    Locale.ROOT, "%s:%02X:%02X:%02X", OUIS[v], macs.nextInt(256), macs.nextInt(256), macs.nextInt(256));
            out.add(new NetworkPort(i, ADAPTERS[v], mac, 1));
        }
        return out;
    }

    /** Connects the host to its BMC; call before powering on. */
    public void attach(HostLink link) {
        this.link = Objects.requireNonNull(link, "link");
    }

    /** Called with each boot's record when the OS reports itself running. */
    public void onOsRunning(Consumer<BootRecord> listener) {
        osListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---- HostPowerControl (the BMC's side) ----

    @Override
    public void powerOn() {
        if (state != HostPowerState.OFF) {
            return;
        }
        link.powerGood(true);
        startBoot(BootCause.POWER_ON);
    }

    @Override
    public void powerOff() {
        if (state == HostPowerState.OFF) {
            return;
        }
        loseMainPower();
    }

    @Override
    public void reset() {
        if (state == HostPowerState.OFF) {
            return;
        }
        endCurrentBoot();
        link.platformReset();
        startBoot(BootCause.HARD_RESET);
    }

    @Override
    public void nmi() {
        if (state != HostPowerState.OS) {
            return;
        }
        int boot = bootCount;
        scheduler.schedule(config.panicReboot(), () -> {
            if (bootCount == boot && state == HostPowerState.OS) {
                link.platformReset();
                startBoot(BootCause.PANIC);
            }
        });
    }

    @Override
    public void gracefulShutdown() {
        if (state == HostPowerState.FIRMWARE) {
            loseMainPower();
        } else if (state == HostPowerState.OS) {
            int boot = bootCount;
            scheduler.schedule(config.timing().osShutdown(), () -> {
                if (bootCount == boot && state == HostPowerState.OS) {
                    if (config.reportsAcpi()) {
                        send(HostMessages.setAcpi(AcpiSystemState.S5_G2));
                    }
                    loseMainPower();
                }
            });
        }
    }

    // ---- what the OS / an operator does ----

    /** The OS reboots (warm reset after its shutdown path; no ACPI report). Ignored unless the OS runs. */
    public void reboot() {
        if (state != HostPowerState.OS) {
            return;
        }
        int boot = bootCount;
        scheduler.schedule(config.timing().osShutdown(), () -> {
            if (bootCount == boot && state == HostPowerState.OS) {
                link.platformReset();
                startBoot(BootCause.WARM_RESET);
            }
        });
    }

    /** Stages a firmware image (flashed from the OS); it takes effect at the next boot. */
    public void flash(FirmwareComponent component) {
        staged.add(Objects.requireNonNull(component, "component"));
    }

    /**
     * Stages revision {@code revision} of {@code component} (BIOS: "SIM-BIOS 1.&lt;revision&gt;", NIC:
     * "SIM-UNDI 20.&lt;revision&gt;"); it takes effect at the next boot, as {@link #flash}.
     */
    public void flashRevision(FirmwareComponent component, int revision) {
        if (revision < 0) {
            throw new IllegalArgumentException("revision " + revision);
        }
        flash(component);
        stagedRevision.put(component, revision);
    }

    // ---- boot machinery (package-private, used by BootRun) ----

    private void startBoot(BootCause cause) {
        endCurrentBoot();
        applyStagedFirmware();
        state = HostPowerState.FIRMWARE;
        phase = null;
        current = new BootRun(this, ++bootCount, cause);
        current.start();
    }

    private void applyStagedFirmware() {
        if (staged.remove(FirmwareComponent.BIOS)) {
            Integer r = stagedRevision.remove(FirmwareComponent.BIOS);
            biosRevision = r == null ? biosRevision + 1 : r;
            configChanged = true;
            if (config.biosUpdateEffect() == BiosUpdateEffect.RESET_TO_DEFAULTS || faults.biosUpdateResetsBootOrder()) {
                nvram.resetToDefaults();
            } else {
                nvram.refreshNetworkOptions();
            }
        }
        if (staged.remove(FirmwareComponent.NIC)) {
            Integer r = stagedRevision.remove(FirmwareComponent.NIC);
            nicRevision = r == null ? nicRevision + 1 : r;
            nvram.refreshNetworkOptions();
        }
        staged.remove(FirmwareComponent.BMC);
    }

    private void endCurrentBoot() {
        if (current != null) {
            if (current.alive() && current.outcome() != BootOutcome.OS_RUNNING) {
                current.abort();
                completed.add(current.snapshot());
            }
            current.abort();
            current = null;
        }
    }

    private void loseMainPower() {
        endCurrentBoot();
        state = HostPowerState.OFF;
        phase = null;
        link.powerGood(false);
    }

    void maybeScheduleFlap(BootRun run) {
        if (!faults.consumeFlap()) {
            return;
        }
        Duration at = Duration.ofMillis(1_000 + rng.nextLong(19_000));
        scheduler.schedule(at, () -> {
            if (current == run && run.alive()) {
                loseMainPower();
                scheduler.schedule(faults.flapOffTime(), () -> {
                    if (state == HostPowerState.OFF) {
                        link.powerGood(true);
                        startBoot(BootCause.POWER_RESTORED);
                    }
                });
            }
        });
    }

    boolean memoryConfigurationChanged(boolean[] detected) {
        boolean changed = configChanged || lastDetected == null || !Arrays.equals(lastDetected, detected);
        configChanged = false;
        lastDetected = detected.clone();
        return changed;
    }

    List<BootOption> effectiveBootOrder() {
        return config.forcedPriority() ? DeclaredOrder.vendorDefault(nvram.bootOrder()) : nvram.bootOrder();
    }

    void osStarted(BootRun run) {
        state = HostPowerState.OS;
        phase = null;
    }

    void bootCompleted(BootRun run) {
        BootRecord record = run.snapshot();
        completed.add(record);
        for (Consumer<BootRecord> l : List.copyOf(osListeners)) {
            l.accept(record);
        }
    }

    void currentPhase(FirmwarePhase p) {
        phase = p;
    }

    IpmiResponse send(HostRequest request) {
        requestsSent++;
        return link.send(request.netFn(), request.cmd(), request.data());
    }

    /** The BIOS version this host runs: "SIM-BIOS 1.<n>", n counting the BIOS updates applied. */
    public String biosVersion() {
        return "SIM-BIOS 1." + biosRevision;
    }

    /** NIC 0's option-ROM (UEFI/UNDI driver) version: "SIM-UNDI 20.<n>", n counting the NIC updates applied. */
    public String nicVersion() {
        return "SIM-UNDI 20." + nicRevision;
    }

    /** Who made this host's firmware (BIOS and NIC option ROM) and its processor: this simulator. */
    public static final String FIRMWARE_VENDOR = "bmc-agent simulator";
    /** The processor this host reports in socket 0 (its only one; the CPU temperature comes from peci:cpu0). */
    public static final String PROCESSOR = "SIM-CPU";

    /**
     * What the firmware reports each POST, as a BIOS reads it from its SMBIOS tables: its own version (parameter 01h)
     * and vendor (OEM D0h), NIC 0's option ROM version (C0h) and manufacturer (C8h), and the processor (D8h).
     */
    List<HostRequest> firmwareReports() {
        List<HostRequest> out = new ArrayList<>(HostMessages.setSystemInfo(0x01, biosVersion()));
        out.addAll(HostMessages.setSystemInfo(0xD0, FIRMWARE_VENDOR));
        out.addAll(HostMessages.setSystemInfo(0xC0, nicVersion()));
        out.addAll(HostMessages.setSystemInfo(0xC8, FIRMWARE_VENDOR));
        out.addAll(HostMessages.setSystemInfo(0xD8, PROCESSOR));
        return out;
    }

    void sendAll(List<HostRequest> requests) {
        requests.forEach(this::send);
    }

    Instant now() {
        return scheduler.clock().instant();
    }

    RandomGenerator rng() {
        return rng;
    }

    ProgressReporter reporter() {
        return reporter;
    }

    ThermalModel thermal() {
        return thermal;
    }

    // ---- observation ----

    public int index() {
        return index;
    }

    public HostConfig config() {
        return config;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public HostPowerState state() {
        return state;
    }

    /** The firmware phase last entered in the current boot; empty when off or in the OS. */
    public Optional<FirmwarePhase> phase() {
        return Optional.ofNullable(phase);
    }

    /** Finished boots (OS reached, hung-then-reset, interrupted), oldest first. */
    public List<BootRecord> boots() {
        return List.copyOf(completed);
    }

    /** The boot in progress (or hung), if any. */
    public Optional<BootRecord> currentBoot() {
        return current != null && current.outcome() != BootOutcome.OS_RUNNING
                ? Optional.of(current.snapshot())
                : Optional.empty();
    }

    /** Memory the host reported at its last boot that finished SPD reads (0 before the first). */
    public int reportedMemoryGiB() {
        for (int i = completed.size() - 1; i >= 0; i--) {
            if (completed.get(i).memoryInitialized()) {
                return completed.get(i).reportedMemoryGiB();
            }
        }
        return 0;
    }

    public SensorBus sensorBus() {
        return sensors;
    }

    /** The sensors an agent should configure for this host (names, addresses, gate classes). */
    public List<SensorSpec> sensorSpecs() {
        return sensors.specs();
    }

    public SimFans fans() {
        return fans;
    }

    public SimSmbus smbus() {
        return smbus;
    }

    public Nvram nvram() {
        return nvram;
    }

    public HostFaults faults() {
        return faults;
    }

    /** IPMI requests sent to the BMC so far. */
    public long requestsSent() {
        return requestsSent;
    }
}
