package dev.bmcagent.agent.runtime;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.agent.host.HostPowerPort;
import dev.bmcagent.agent.hostif.ControlResult;
import dev.bmcagent.agent.hostif.HostInterfaceServer;
import dev.bmcagent.agent.hostif.HostLinkEvent;
import dev.bmcagent.agent.hostif.HostLinkListener;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Power actions over one host's VM link: on → {@link HostInterfaceServer#powerOn()} (extension op 50h or the start
 * command), force off → {@code 03 A1}, graceful shutdown → {@code 09 A1}, hard/warm reset → {@code 04 A1}, NMI →
 * {@code 07 A1}; power cycle → {@code 03 A1}, then power-on once the link reports the host gone (it is also a
 * {@link HostLinkListener} for that). A result other than sent/launched throws (the agent counts the failed effect).
 */
public final class VmHostPower implements HostPowerPort, HostLinkListener {
    private static final Logger log = LoggerFactory.getLogger(VmHostPower.class);
    private static final Set<ControlResult> OK = EnumSet.of(ControlResult.SENT, ControlResult.ALREADY_ON,
            ControlResult.START_COMMAND_LAUNCHED, ControlResult.START_COMMAND_PENDING);

    private final AtomicBoolean cyclePending = new AtomicBoolean();
    private volatile HostInterfaceServer server;

    /** Connects the port to its server (the server is built after the command table that needs this port). */
    public void attach(HostInterfaceServer s) {
        this.server = Objects.requireNonNull(s, "server");
    }

    @Override
    public void perform(PowerAction action) {
        HostInterfaceServer s = server;
        if (s == null) {
            throw new IllegalStateException("host interface not attached");
        }
        ControlResult r = switch (action) {
            case ON -> s.powerOn();
            case FORCE_OFF -> s.forceOff();
            case GRACEFUL_SHUTDOWN -> s.gracefulShutdown();
            case HARD_RESET, WARM_RESET -> s.reset();
            case NMI -> s.nmi();
            case POWER_CYCLE -> cycle(s);
        };
        if (!OK.contains(r)) {
            throw new IllegalStateException("host " + s.hostIndex() + ": " + action + " failed: " + r);
        }
    }

    private ControlResult cycle(HostInterfaceServer s) {
        cyclePending.set(true);
        ControlResult r = s.powerOff();
        if (r == ControlResult.NOT_CONNECTED) {
            cyclePending.set(false);
            return s.powerOn();
        }
        if (r != ControlResult.SENT) {
            cyclePending.set(false);
        }
        return r;
    }

    @Override
    public void onEvent(HostLinkEvent event) {
        if (event instanceof HostLinkEvent.Disconnected && cyclePending.compareAndSet(true, false)) {
            HostInterfaceServer s = server;
            ControlResult r = s.powerOn();
            if (!OK.contains(r)) {
                log.warn("host {}: power cycle: power-on after off failed: {}", s.hostIndex(), r);
            }
        }
    }
}
