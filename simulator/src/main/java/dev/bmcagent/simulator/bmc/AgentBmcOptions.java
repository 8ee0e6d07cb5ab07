package dev.bmcagent.simulator.bmc;

import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the fleet's agents behave.
 *
 * @param gating        close the DIMM gate during S2_D2 (false: the naive BMC that reads DIMMs whenever powered)
 * @param fanPolicy     keep unavailable sensors out of fail-safe (false: naive, unavailable counts as failed)
 * @param declaredOrder boot-interface patterns declared to every host; empty = none declared (vendor order)
 * @param policy        lifecycle tunables (stuck limits, reconcile attempts...)
 * @param sensorPoll    sensor poll period
 * @param tick          lifecycle tick period (stuck detection)
 */
public record AgentBmcOptions(
        boolean gating,
        boolean fanPolicy,
        List<String> declaredOrder,
        LifecyclePolicy policy,
        Duration sensorPoll,
        Duration tick) {
    /** The declared order the agent uses with {@code --boot-order declared}: HTTPS over IPv6 first. */
    public static final List<String> DECLARED_HTTPS_IPV6 = List.of(".*HTTPS IPv6.*");

    public static final Duration DEFAULT_SENSOR_POLL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(15);

    public AgentBmcOptions {
        declaredOrder = List.copyOf(declaredOrder);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sensorPoll, "sensorPoll");
        Objects.requireNonNull(tick, "tick");
    }

    /** The agent as designed: gating and fan policy on, no declared order, default policy. */
    public static AgentBmcOptions defaults() {
        return new AgentBmcOptions(
                true, true, List.of(), LifecyclePolicy.defaults(), DEFAULT_SENSOR_POLL, DEFAULT_TICK);
    }

    public AgentBmcOptions withGating(boolean v) {
        return new AgentBmcOptions(v, fanPolicy, declaredOrder, policy, sensorPoll, tick);
    }

    public AgentBmcOptions withFanPolicy(boolean v) {
        return new AgentBmcOptions(gating, v, declaredOrder, policy, sensorPoll, tick);
    }

    public AgentBmcOptions withDeclaredOrder(List<String> v) {
        return new AgentBmcOptions(gating, fanPolicy, v, policy, sensorPoll, tick);
    }

    public AgentBmcOptions withSensorPoll(Duration v) {
        return new AgentBmcOptions(gating, fanPolicy, declaredOrder, policy, v, tick);
    }
}
