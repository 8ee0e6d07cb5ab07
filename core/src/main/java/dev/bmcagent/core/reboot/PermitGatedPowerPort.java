package dev.bmcagent.core.reboot;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.core.host.HostPowerPort;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link HostPowerPort} whose agent-triggered reboots wait for a permit: {@link #performOwnReboot} asks
 * {@link RebootPermits} and performs the action only when the answer allows it (a HOLD is reported to
 * {@code held} and the reboot is dropped: the lifecycle re-validates at the next boot). Operator actions
 * ({@link #perform}) are never gated.
 */
public final class PermitGatedPowerPort implements HostPowerPort {
    private final String hostId;
    private final HostPowerPort delegate;
    private final RebootPermits permits;
    private final Consumer<PermitAnswer> held;
    private final Runnable rebooting;

    public PermitGatedPowerPort(
            String hostId, HostPowerPort delegate, RebootPermits permits, Consumer<PermitAnswer> held) {
        this(hostId, delegate, permits, held, () -> {});
    }

    /** {@code rebooting}: called just before a permitted reboot is performed (the daemon's reboot accounting). */
    public PermitGatedPowerPort(
            String hostId,
            HostPowerPort delegate,
            RebootPermits permits,
            Consumer<PermitAnswer> held,
            Runnable rebooting) {
        this.hostId = Objects.requireNonNull(hostId, "hostId");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.permits = Objects.requireNonNull(permits, "permits");
        this.held = Objects.requireNonNull(held, "held");
        this.rebooting = Objects.requireNonNull(rebooting, "rebooting");
    }

    @Override
    public void perform(PowerAction action) {
        delegate.perform(action);
    }

    /** As the backend it gates: a permit does not make an action possible. */
    @Override
    public boolean available(PowerAction action) {
        return delegate.available(action);
    }

    @Override
    public void performOwnReboot(PowerAction action, String reason) {
        permits.request(new RebootRequest(hostId, reason), answer -> {
            if (answer.mayReboot()) {
                rebooting.run();
                delegate.perform(action);
            } else {
                held.accept(answer);
            }
        });
    }
}
