package dev.bmcagent.rollout.campaign;

import java.util.Objects;

/**
 * How one host's update ended.
 *
 * @param hostId  the host
 * @param failure null when the host reached the OS on the targets with the declared order; otherwise why not
 * @param detail  free text
 */
public record HostOutcome(String hostId, Failure failure, String detail) {
    /** The failure rules that count against a wave. */
    public enum Failure {
        /** The host did not reach the OS (on the targets) within the campaign's host deadline. */
        DEADLINE,
        /** The agent raised its boot-order alarm (re-apply attempts exhausted or writes refused). */
        BOOT_ORDER_ALARM,
        /** The host came up with fewer DIMMs than installed. */
        MISSING_DIMM,
        /** The host reached the OS but reports versions other than the targets. */
        WRONG_VERSION
    }

    public HostOutcome {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(detail, "detail");
    }

    public static HostOutcome ok(String hostId) {
        return new HostOutcome(hostId, null, "");
    }

    public static HostOutcome failed(String hostId, Failure failure, String detail) {
        return new HostOutcome(hostId, Objects.requireNonNull(failure, "failure"), detail);
    }

    public boolean ok() {
        return failure == null;
    }
}
