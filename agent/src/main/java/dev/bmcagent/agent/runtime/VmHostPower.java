package dev.bmcagent.agent.runtime;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.agent.config.PowerConfig;
import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.host.HostLinkEvent;
import dev.bmcagent.core.host.HostLinkListener;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.core.power.PowerCommand;
import dev.bmcagent.hostif.ControlResult;
import dev.bmcagent.hostif.HostInterfaceServer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's power backend: a configured command per action ({@link PowerConfig}; run on {@code commands}, one at a
 * time per host, with its timeout), else the VM link: on → {@link HostInterfaceServer#powerOn()} (extension op 50h
 * or the start command), force off → {@code 03 A1}, graceful shutdown → {@code 09 A1}, hard/warm reset →
 * {@code 04 A1}, NMI → {@code 07 A1}. A link result other than sent/launched throws (the agent counts the failed
 * effect); a failed command is logged with its output.
 *
 * <p>Power cycle without a {@code cycle} command: off (command or {@code 03 A1}), then once the host is off — the
 * link reports power-good off (a simulated host stays connected in standby) or disconnects (QEMU exits) — wait
 * {@link PowerConfig#cycleOffTime()} on the scheduler, then on (command or link). If the host does not go off within
 * the command timeout the cycle is abandoned (logged).
 *
 * <p>{@link #available} says what can work right now, so IPMI answers D5h and Redfish does not advertise the rest.
 */
final class VmHostPower implements HostPowerPort, HostLinkListener {
    private static final Logger log = LoggerFactory.getLogger(VmHostPower.class);
    private static final Set<ControlResult> OK = EnumSet.of(
            ControlResult.SENT,
            ControlResult.ALREADY_ON,
            ControlResult.START_COMMAND_LAUNCHED,
            ControlResult.START_COMMAND_PENDING);

    private final int hostIndex;
    private final PowerConfig config;
    private final Scheduler scheduler;
    private final Executor commands;
    /** The cycle waiting for the host to go off (its timeout), or null. */
    private final AtomicReference<Scheduler.Cancellable> cyclePending = new AtomicReference<>();

    /** The host interface server, filled once it is started (it is built after the command table that needs us). */
    private final HostLinkSlot link;

    /**
     * @param link         where the host's interface server will be (filled by {@link BmcRuntime} once started)
     * @param commands     runs this host's power commands one at a time (may block up to the command timeout)
     */
    VmHostPower(int hostIndex, PowerConfig config, HostLinkSlot link, Scheduler scheduler, Executor commands) {
        this.hostIndex = hostIndex;
        this.config = Objects.requireNonNull(config, "config");
        this.link = Objects.requireNonNull(link, "link");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public boolean available(PowerAction action) {
        if (command(action).isPresent()) {
            return true;
        }
        HostInterfaceServer s = link.server();
        if (s == null) {
            return false;
        }
        Optional<VmCapabilities> caps = s.capabilities();
        return switch (action) {
            case ON -> canPowerOn(s, caps);
            case FORCE_OFF -> has(caps, VmCapabilities.POWER);
            case GRACEFUL_SHUTDOWN -> has(caps, VmCapabilities.GRACEFUL_SHUTDOWN);
            case HARD_RESET, WARM_RESET -> has(caps, VmCapabilities.RESET);
            case NMI -> has(caps, VmCapabilities.NMI);
            case POWER_CYCLE ->
                (command(PowerAction.FORCE_OFF).isPresent() || has(caps, VmCapabilities.POWER))
                        && (command(PowerAction.ON).isPresent() || has(caps, VmCapabilities.POWER_ON_EXTENSION));
        };
    }

    private boolean canPowerOn(HostInterfaceServer s, Optional<VmCapabilities> caps) {
        if (caps.isEmpty()) {
            return false;
        }
        return s.powerGood() || caps.get().has(VmCapabilities.POWER_ON_EXTENSION);
    }

    private static boolean has(Optional<VmCapabilities> caps, int bit) {
        return caps.map(c -> c.has(bit)).orElse(false);
    }

    @Override
    public void perform(PowerAction action) {
        HostInterfaceServer s = link.server();
        if (s == null) {
            throw new IllegalStateException("host interface not attached");
        }
        if (action == PowerAction.POWER_CYCLE && command(action).isEmpty()) {
            cycle(s);
            return;
        }
        if (action == PowerAction.ON && s.powerGood()) {
            return; // already on: never start a second machine
        }
        Optional<List<String>> argv = command(action);
        if (argv.isPresent()) {
            commands.execute(() -> runCommand(action, argv.get()));
            return;
        }
        ControlResult r = link(s, action);
        if (!OK.contains(r)) {
            throw new IllegalStateException("host " + hostIndex + ": " + action + " failed: " + r);
        }
    }

    private static ControlResult link(HostInterfaceServer s, PowerAction action) {
        return switch (action) {
            case ON -> s.powerOn();
            case FORCE_OFF -> s.forceOff();
            case GRACEFUL_SHUTDOWN -> s.gracefulShutdown();
            case HARD_RESET, WARM_RESET -> s.reset();
            case NMI -> s.nmi();
            case POWER_CYCLE -> throw new IllegalArgumentException("a power cycle is off, wait, on");
        };
    }

    private void cycle(HostInterfaceServer s) {
        if (!available(PowerAction.POWER_CYCLE)) {
            throw new IllegalStateException("host " + hostIndex + ": power cycle: no way to power the host off and "
                    + "on again (no power command, host link without the capability)");
        }
        Scheduler.Cancellable timeout = scheduler.schedule(config.commandTimeout(), () -> {
            if (cyclePending.getAndSet(null) != null) {
                log.warn(
                        "host{}: power cycle abandoned: the host did not power off within {} s",
                        hostIndex,
                        config.commandTimeout().toSeconds());
            }
        });
        Scheduler.Cancellable previous = cyclePending.getAndSet(timeout);
        if (previous != null) {
            previous.cancel();
        }
        log.info(
                "host{}: power cycle: powering off, on again {} ms after the host is off",
                hostIndex,
                config.cycleOffTime().toMillis());
        Optional<List<String>> off = command(PowerAction.FORCE_OFF);
        if (off.isPresent()) {
            // off once the command succeeded and the link shows no powered host (else the link event follows)
            commands.execute(() -> {
                if (!runCommand(PowerAction.FORCE_OFF, off.get())) {
                    cancelCycle();
                    log.warn("host{}: power cycle abandoned: the off command failed", hostIndex);
                } else if (!s.powerGood()) {
                    hostOff();
                }
            });
            return;
        }
        if (s.isConnected()) {
            ControlResult r = s.forceOff();
            if (r != ControlResult.SENT) {
                cancelCycle();
                throw new IllegalStateException("host " + hostIndex + ": power cycle: off failed: " + r);
            }
        }
        if (!s.powerGood()) {
            hostOff(); // it was off already (or went off at once)
        }
    }

    private void cancelCycle() {
        Scheduler.Cancellable c = cyclePending.getAndSet(null);
        if (c != null) {
            c.cancel();
        }
    }

    /** The host is off: if a cycle waits for that, power on after the off time. */
    private void hostOff() {
        Scheduler.Cancellable c = cyclePending.getAndSet(null);
        if (c == null) {
            return;
        }
        c.cancel();
        scheduler.schedule(config.cycleOffTime(), this::onAfterCycle);
    }

    private void onAfterCycle() {
        HostInterfaceServer s = link.server();
        Optional<List<String>> on = command(PowerAction.ON);
        if (on.isPresent()) {
            commands.execute(() -> runCommand(PowerAction.ON, on.get()));
            return;
        }
        ControlResult r = s.powerOn();
        if (OK.contains(r)) {
            log.info("host{}: power cycle: power-on {}", hostIndex, r);
        } else {
            log.warn("host{}: power cycle: power-on after off failed: {}", hostIndex, r);
        }
    }

    private boolean runCommand(PowerAction action, List<String> argv) {
        return PowerCommand.run("host" + hostIndex + " power " + PowerConfig.key(action), argv, config.commandTimeout())
                .success();
    }

    /** The configured command of {@code action} with {@code {host}} and {@code {hostPort}} filled in. */
    private Optional<List<String>> command(PowerAction action) {
        List<String> argv = config.commands().get(action);
        if (argv == null && action == PowerAction.WARM_RESET) {
            argv = config.commands().get(PowerAction.HARD_RESET);
        }
        if (argv == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(argv.size());
        for (String a : argv) {
            out.add(a.replace("{host}", Integer.toString(hostIndex))
                    .replace("{hostPort}", Integer.toString(link.port())));
        }
        return Optional.of(out);
    }

    @Override
    public void onEvent(HostLinkEvent event) {
        if (event instanceof HostLinkEvent.Disconnected || (event instanceof HostLinkEvent.PowerGood p && !p.on())) {
            hostOff();
        }
    }
}
