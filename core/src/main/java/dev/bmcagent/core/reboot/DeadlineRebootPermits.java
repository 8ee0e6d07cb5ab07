package dev.bmcagent.core.reboot;

import dev.bmcagent.common.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A coordinator's {@link RebootPermits} with an answer deadline: a request the coordinator has not answered within
 * {@code deadline} is answered by the configured {@link Fallback} rule and an alert is raised through
 * {@code alert}; a late answer from the coordinator is then ignored (a late grant is returned at once, so it does
 * not hold a slot). Exactly one answer reaches the caller.
 */
public final class DeadlineRebootPermits implements RebootPermits {
    /** What the agent does when the coordinator does not answer in time. */
    public enum Fallback {
        /** Do not reboot (safe for the fleet; the host keeps running, its order or firmware not yet applied). */
        HOLD,
        /** Reboot anyway (safe for the host; the fleet-wide cadence is not enforced for this reboot). */
        PROCEED
    }

    private final RebootPermits coordinator;
    private final Scheduler scheduler;
    private final Duration deadline;
    private final Fallback fallback;
    private final Consumer<String> alert;

    public DeadlineRebootPermits(
            RebootPermits coordinator,
            Scheduler scheduler,
            Duration deadline,
            Fallback fallback,
            Consumer<String> alert) {
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.alert = Objects.requireNonNull(alert, "alert");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
    }

    @Override
    public void request(RebootRequest request, Consumer<PermitAnswer> onAnswer) {
        AtomicBoolean answered = new AtomicBoolean();
        Scheduler.Cancellable timer = scheduler.schedule(deadline, () -> {
            if (answered.compareAndSet(false, true)) {
                String why = "coordinator did not answer within " + deadline + " (" + request.reason() + ")";
                alert.accept(request.hostId() + ": " + why + "; rule " + fallback);
                onAnswer.accept(fallback == Fallback.HOLD ? PermitAnswer.hold(why) : PermitAnswer.proceed(why));
            }
        });
        coordinator.request(request, answer -> {
            if (answered.compareAndSet(false, true)) {
                timer.cancel();
                onAnswer.accept(answer);
            } else if (answer.verdict() == PermitAnswer.Verdict.GRANTED) {
                coordinator.withdraw(request.hostId());
            }
        });
    }

    @Override
    public void release(String hostId) {
        coordinator.release(hostId);
    }

    @Override
    public void withdraw(String hostId) {
        coordinator.withdraw(hostId);
    }

    @Override
    public void observedReboot(String hostId) {
        coordinator.observedReboot(hostId);
    }
}
