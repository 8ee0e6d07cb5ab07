package dev.bmcagent.core.reboot;

import java.util.function.Consumer;

/**
 * The agent's port for reboots it triggers itself (boot-order re-apply, a firmware step): before such a reboot the
 * agent asks for a permit and reboots only once the answer says so. Reboots the host does on its own are never
 * asked for, only {@linkplain #observedReboot counted}. Implementations: {@link #PROCEED} (no coordinator: the local
 * default, as before permits existed), {@link DeadlineRebootPermits} (a coordinator with an answer deadline and a
 * fallback rule), and the rollout module's coordinator (in-process for the simulator, over MQTT for the daemon).
 */
public interface RebootPermits {

    /**
     * Asks for a permit. {@code onAnswer} is called exactly once, on any thread, possibly before this returns. A
     * host that already holds a valid permit gets that same permit again (requests are idempotent per host).
     */
    void request(RebootRequest request, Consumer<PermitAnswer> onAnswer);

    /** The host reached its OS again (or gave up): the permit it holds, if any, is returned. Idempotent. */
    void release(String hostId);

    /**
     * The caller no longer wants the reboot it asked for (it gave up): the request is withdrawn, a permit already
     * held is returned. Default: {@link #release}.
     */
    default void withdraw(String hostId) {
        release(hostId);
    }

    /** A reboot the host did on its own: never blocked, only counted. */
    default void observedReboot(String hostId) {}

    /** Local policy without a coordinator: every request is answered {@code PROCEED} at once. */
    RebootPermits PROCEED = new RebootPermits() {
        @Override
        public void request(RebootRequest request, Consumer<PermitAnswer> onAnswer) {
            onAnswer.accept(PermitAnswer.proceed("local policy: no coordinator"));
        }

        @Override
        public void release(String hostId) {}
    };
}
