package dev.bmcagent.core.reboot;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.core.event.EventListener;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.host.HostPowerPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's reboot accounting for one {@link RebootPermits}: every reboot the agent triggers itself goes through
 * {@link #gate} (boot-order re-apply) or {@link #reboot} (a campaign's firmware step) and waits for a permit; the
 * host's boot cycles, read from the agent's event stream, tell the rest:
 * <ul>
 *   <li>a boot cycle that starts while no permitted reboot of the agent's is in flight for that host is a reboot
 *       the host did on its own (OS reboot, panic, watchdog, power button): never blocked, reported with
 *       {@link RebootPermits#observedReboot} so the coordinator counts it in flight;</li>
 *   <li>a boot cycle that ends with the OS running, or powered off, returns the host's permit
 *       ({@link RebootPermits#release}) — also after a reboot of its own, so the coordinator's count drops again.
 *       A cycle ended by a reset (a re-apply reboot during a firmware step's boot) keeps it.</li>
 * </ul>
 */
public final class RebootAccounting implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(RebootAccounting.class);

    private final RebootPermits permits;
    /** Hosts with a permitted reboot of the agent's issued and its boot cycle not yet started. */
    private final Map<String, Boolean> ownInFlight = new ConcurrentHashMap<>();
    /** Hosts whose boot cycle started while this accounting ran, until it ends with the OS or power off. */
    private final Map<String, Boolean> booting = new ConcurrentHashMap<>();

    private final List<BiConsumer<String, BootCycle.Outcome>> bootEnds = new CopyOnWriteArrayList<>();
    private final AtomicLong own = new AtomicLong();
    private final AtomicLong observed = new AtomicLong();
    private final AtomicLong held = new AtomicLong();

    public RebootAccounting(RebootPermits permits) {
        this.permits = Objects.requireNonNull(permits, "permits");
    }

    public RebootPermits permits() {
        return permits;
    }

    /** {@code delegate} with its agent-triggered reboots ({@code performOwnReboot}) asking for a permit first. */
    public HostPowerPort gate(String hostId, HostPowerPort delegate) {
        return new PermitGatedPowerPort(
                hostId,
                delegate,
                permits,
                answer -> {
                    held.incrementAndGet();
                    log.warn("{}: reboot held, not performed: {}", hostId, answer.detail());
                },
                () -> rebooting(hostId));
    }

    /**
     * A reboot for a campaign step: asks for a permit, then performs {@code action} on {@code power} (the backend,
     * not the gated port: the permit is already held). {@code answered} gets the answer first and says whether the
     * reboot is still wanted (the caller may have given up meanwhile: then a permit is returned, nothing reboots);
     * when it is, the reboot is issued after it returns, so the caller knows the next boot is this reboot's.
     */
    public void reboot(
            String hostId,
            HostPowerPort power,
            PowerAction action,
            String reason,
            java.util.function.Predicate<PermitAnswer> answered) {
        permits.request(new RebootRequest(hostId, reason), answer -> {
            boolean wanted = answered.test(answer);
            if (!wanted) {
                permits.withdraw(hostId);
            } else if (answer.mayReboot()) {
                rebooting(hostId);
                power.perform(action);
            } else {
                held.incrementAndGet();
            }
        });
    }

    /** Called with (host, outcome) whenever one of the hosts' boot cycles ends. */
    public void onBootEnded(BiConsumer<String, BootCycle.Outcome> listener) {
        bootEnds.add(Objects.requireNonNull(listener, "listener"));
    }

    private void rebooting(String hostId) {
        own.incrementAndGet();
        ownInFlight.put(hostId, true);
    }

    @Override
    public void onEvent(HostEvent e) {
        String host = e.hostId();
        if (e.event() instanceof LifecycleEvent.BootCycleStarted s) {
            booting.put(host, true);
            if (ownInFlight.remove(host) == null) {
                observed.incrementAndGet();
                log.debug(
                        "{}: boot cycle {} ({}) not triggered by the agent: counted as the host's own",
                        host,
                        s.number(),
                        s.cause());
                permits.observedReboot(host);
            }
        } else if (e.event() instanceof LifecycleEvent.BootCycleEnded end) {
            BootCycle.Outcome outcome = end.cycle().outcome().orElse(BootCycle.Outcome.RESET);
            if (outcome != BootCycle.Outcome.RESET && booting.remove(host) != null) {
                permits.release(host);
            }
            bootEnds.forEach(l -> l.accept(host, outcome));
        }
    }

    /** Permitted reboots the agent issued. */
    public long ownReboots() {
        return own.get();
    }

    /** Boot cycles the hosts started on their own (reported, never blocked). */
    public long observedReboots() {
        return observed.get();
    }

    /** Reboots the agent wanted and did not do (HOLD). */
    public long heldReboots() {
        return held.get();
    }
}
