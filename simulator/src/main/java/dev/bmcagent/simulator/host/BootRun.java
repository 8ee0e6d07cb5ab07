package dev.bmcagent.simulator.host;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.command.chassis.BootMailbox;
import dev.bmcagent.ipmi.command.oem.OemCommands;
import dev.bmcagent.ipmi.command.oem.PendingOrder;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.simulator.firmware.FirmwarePhase;
import dev.bmcagent.simulator.firmware.ProgressProfile;
import dev.bmcagent.simulator.ipmi.HostMessages;
import dev.bmcagent.simulator.ipmi.HostResponses;
import dev.bmcagent.simulator.ipmi.PendingOrderReader;
import dev.bmcagent.simulator.netboot.BootAttempt;
import dev.bmcagent.simulator.netboot.BootOption;
import dev.bmcagent.simulator.netboot.DeclaredOrder;
import dev.bmcagent.simulator.netboot.Reachability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One boot of a {@link SimulatedHost}, from power-on/reset to the OS (or a hang). Each step is a scheduled
 * continuation that does nothing once the run is aborted (power loss, reset), so a stale event never touches
 * the next boot.
 */
final class BootRun {
    /** SPD EEPROM addresses start here (DIMM i at 50h + i); the DIMM's temperature sensor at 18h + i. */
    static final int SPD_BASE = 0x50;

    private final SimulatedHost host;
    private final int number;
    private final BootCause cause;
    private final Instant start;
    private final Map<FirmwarePhase, Instant> phases = new EnumMap<>(FirmwarePhase.class);
    private final List<BootAttempt> attempts = new ArrayList<>();
    private final boolean[] detected;
    private List<String> bootOrderAtPost = List.of();
    private int dimmsDetected;
    private boolean longTraining;
    private boolean spdDone;
    private Instant osRunning;
    private BootOutcome outcome = BootOutcome.IN_PROGRESS;
    private boolean alive = true;

    BootRun(SimulatedHost host, int number, BootCause cause) {
        this.host = host;
        this.number = number;
        this.cause = cause;
        this.start = host.now();
        this.detected = new boolean[host.config().dimms()];
    }

    int number() {
        return number;
    }

    boolean alive() {
        return alive;
    }

    BootOutcome outcome() {
        return outcome;
    }

    void start() {
        after(host.config().timing().powerOnToFirmware(), this::firmwareStarts);
    }

    /** Power loss or reset: nothing scheduled by this run will do anything any more. */
    void abort() {
        alive = false;
        if (outcome == BootOutcome.IN_PROGRESS) {
            outcome = BootOutcome.INTERRUPTED;
        }
    }

    private void after(Duration base, Runnable step) {
        Duration d = host.config().timing().jittered(base, host.rng());
        host.scheduler().schedule(d, () -> {
            if (alive) {
                step.run();
            }
        });
    }

    private void phase(FirmwarePhase phase) {
        phases.put(phase, host.now());
        host.currentPhase(phase);
        host.sendAll(host.reporter().phaseStarted(phase));
    }

    private void firmwareStarts() {
        if (host.config().reportsAcpi()) {
            host.send(HostMessages.setAcpi(AcpiSystemState.S2_D2, AcpiDeviceState.D2));
        }
        host.maybeScheduleFlap(this);
        phase(FirmwarePhase.PRIMARY_CPU);
        after(host.config().timing().primaryCpu(), this::memoryInit);
    }

    private void memoryInit() {
        phase(FirmwarePhase.MEMORY_INIT);
        readSpd(0);
    }

    private void readSpd(int dimm) {
        if (dimm == detected.length) {
            train();
            return;
        }
        boolean lost = dimm >= detected.length - host.faults().dimmsLost(); // its SPD EEPROM never answers
        host.smbus().firmwareRead(SPD_BASE + dimm, host.config().timing().spdRead(), read -> {
            boolean ok = read && !lost;
            if (alive) {
                detected[dimm] = ok;
                if (ok) {
                    dimmsDetected++;
                }
                readSpd(dimm + 1);
            }
        });
    }

    private void train() {
        spdDone = true;
        if (host.config().progress() != ProgressProfile.SILENT) {
            host.send(HostMessages.reportMemory(
                    (long) dimmsDetected * host.config().dimmGiB() * 1024, detected));
            host.sendAll(host.firmwareReports()); // BIOS and NIC option-ROM versions (App 58h)
        }
        longTraining = host.memoryConfigurationChanged(detected);
        if (host.faults().consumeHang()) {
            outcome = BootOutcome.HUNG_MEMORY_TRAINING;
            return;
        }
        var timing = host.config().timing();
        after(longTraining ? timing.trainingLong() : timing.trainingShort(), () -> {
            phase(FirmwarePhase.SECONDARY_CPU);
            after(timing.secondaryCpu(), () -> {
                phase(FirmwarePhase.DXE);
                after(timing.dxe(), this::bds);
            });
        });
    }

    private void bds() {
        phase(FirmwarePhase.BDS);
        var flags = host.send(HostMessages.getBootFlags());
        Optional<HostResponses.BootDevice> forced = HostResponses.bootFlagsDevice(flags);
        // a forced UEFI network boot (Redfish UefiHttp) boots from the URI in the boot initiator mailbox, if any
        Optional<BootOption> uriBoot = forced.filter(d -> d == HostResponses.BootDevice.NETWORK)
                .filter(d -> HostResponses.bootFlagsEfi(flags))
                .flatMap(d -> readHttpBootUri())
                .flatMap(this::httpBootOption);
        if (forced.isPresent()) {
            host.send(HostMessages.ackBootInfo());
        }
        applyPendingBootOrder();
        List<BootOption> order = host.effectiveBootOrder();
        bootOrderAtPost = DeclaredOrder.descriptions(order);
        for (var chunk : HostMessages.reportBootOrder(bootOrderAtPost)) {
            if (!host.send(chunk).completionCode().equals(CompletionCode.OK)) {
                break; // the BMC dropped the partial report; the rest would be rejected too
            }
        }
        List<BootOption> first = new ArrayList<>();
        uriBoot.ifPresent(first::add);
        forced.filter(d -> uriBoot.isEmpty())
                .flatMap(device -> order.stream()
                        .filter(o -> device == HostResponses.BootDevice.NETWORK ? o.isNetwork() : !o.isNetwork())
                        .findFirst())
                .ifPresent(first::add);
        first.addAll(order);
        var timing = host.config().timing();
        after(timing.bds(), () -> {
            phase(FirmwarePhase.PCI);
            after(timing.pci(), () -> {
                phase(FirmwarePhase.READY_TO_BOOT);
                tryOption(first, 0, 1);
            });
        });
    }

    /**
     * Reads the boot initiator mailbox (boot option parameter 7) block by block until the URI's terminator: the
     * HttpBootUri the BMC wrote ({@link BootMailbox}). Empty when the BMC answers an error, block 0 carries another
     * enterprise's IANA, or no URI is there.
     */
    private Optional<String> readHttpBootUri() {
        byte[] content = new byte[0];
        for (int block = 0; block < BootMailbox.BLOCKS; block++) {
            Optional<byte[]> b = HostResponses.mailboxBlock(host.send(HostMessages.getMailboxBlock(block)), block);
            if (b.isEmpty() || (block == 0 && BootMailbox.iana(b.get()) != BootMailbox.IANA)) {
                return Optional.empty();
            }
            byte[] next = java.util.Arrays.copyOf(content, content.length + b.get().length);
            System.arraycopy(b.get(), 0, next, content.length, b.get().length);
            content = next;
            if (BootMailbox.terminated(content)) {
                return BootMailbox.decodeUri(content);
            }
        }
        return Optional.empty();
    }

    /**
     * The one-time option a firmware creates for an HTTP boot from {@code uri}: on the first NIC, IPv6 when the URI's
     * host is an IPv6 literal, named like the NIC's HTTPS option plus the URI (so the environment decides whether it
     * boots as for that option). Not in NVRAM, not in the reported boot order. Empty without a NIC.
     */
    private Optional<BootOption> httpBootOption(String uri) {
        if (host.nvram().ports().isEmpty()) {
            return Optional.empty();
        }
        boolean ipv6 = uri.matches("(?i)https?://\\[.*");
        BootOption nic = BootOption.network(0xFFFF, host.nvram().ports().get(0), BootOption.Kind.HTTP, ipv6);
        return Optional.of(new BootOption(
                nic.number(), nic.description() + " URI " + uri, nic.kind(), nic.ipv6(), nic.interfaceIndex()));
    }

    private void applyPendingBootOrder() {
        // unreadable (error, or the order kept changing mid-read): apply nothing, the report shows the old order
        Optional<PendingOrder> read = PendingOrderReader.read(host::send);
        if (read.isEmpty() || read.get().patterns().isEmpty()) {
            return;
        }
        List<String> pending = read.get().patterns();
        int revision = read.get().revision();
        if (host.config().forcedPriority()) {
            host.send(HostMessages.ackBootOrder(OemCommands.ACK_IGNORED, revision));
            return;
        }
        List<BootOption> reordered;
        try {
            reordered = DeclaredOrder.apply(host.nvram().bootOrder(), pending);
        } catch (java.util.regex.PatternSyntaxException e) {
            return;
        }
        if (!host.faults().bootOrderWriteLost()) {
            host.nvram().writeBootOrder(reordered);
        }
        host.send(HostMessages.ackBootOrder(OemCommands.ACK_APPLIED, revision));
    }

    private void tryOption(List<BootOption> list, int index, int round) {
        if (index == list.size()) {
            host.sendAll(host.reporter().noBootableMedia());
            if (round >= host.config().maxBootRounds()) {
                outcome = BootOutcome.NO_BOOT_DEVICE;
                return;
            }
            List<BootOption> order = host.effectiveBootOrder();
            host.scheduler().schedule(host.config().retryDelay(), () -> {
                if (alive) {
                    tryOption(order, 0, round + 1);
                }
            });
            return;
        }
        BootOption option = list.get(index);
        boolean dead = option.isNetwork()
                && (host.faults().allInterfacesDead() || host.faults().consumeDeadNetworkAttempt());
        Reachability reach =
                dead ? Reachability.NO_DHCP : host.config().environment().reach(option);
        Duration cost = host.config().netboot().cost(option, reach);
        attempts.add(new BootAttempt(option, reach, host.now(), cost));
        host.scheduler().schedule(cost, () -> {
            if (!alive) {
                return;
            }
            if (reach == Reachability.BOOTS) {
                exitBootServices();
                return;
            }
            if (option.isNetwork()) {
                host.sendAll(host.reporter().networkBootFailed(option.interfaceIndex(), option.protocolCode()));
            }
            tryOption(list, index + 1, round);
        });
    }

    private void exitBootServices() {
        phase(FirmwarePhase.EXIT_BOOT_SERVICES);
        after(host.config().timing().osLoad(), () -> {
            osRunning = host.now();
            outcome = BootOutcome.OS_RUNNING;
            host.osStarted(this);
            if (host.config().reportsAcpi()) {
                host.send(HostMessages.setAcpi(AcpiSystemState.S0_G0_D0, AcpiDeviceState.D0));
            }
            host.sendAll(host.reporter().osBooted());
            host.bootCompleted(this);
        });
    }

    BootRecord snapshot() {
        int dimmGiB = host.config().dimmGiB();
        return new BootRecord(
                number,
                cause,
                start,
                phases,
                bootOrderAtPost,
                attempts,
                detected.length,
                spdDone,
                dimmsDetected,
                spdDone ? dimmsDetected * dimmGiB : 0,
                longTraining,
                Optional.ofNullable(osRunning),
                outcome);
    }
}
