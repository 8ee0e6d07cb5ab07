package dev.bmcagent.rollout.mqtt;

import dev.bmcagent.core.reboot.PermitTopics;

/** The permit protocol's topics (docs/ROLLOUT.md); the agent's side is {@link PermitTopics}. */
public final class RolloutTopics {
    public static final String PREFIX = PermitTopics.PREFIX;
    /** Coordinators' shared-subscription group. */
    public static final String SHARE = "$share/rollout-coordinators/";

    private RolloutTopics() {}

    /** Agent → coordinators (one of them, shared subscription): please grant. Not retained. */
    public static String request(String group, String host) {
        return PermitTopics.request(group, host);
    }

    /** Agent → coordinators: the host runs its OS again; the permit is returned. Not retained. */
    public static String release(String group, String host) {
        return PermitTopics.release(group, host);
    }

    /** The grant, retained, keyed by host; an empty retained message means "no permit". */
    public static String grant(String host) {
        return PermitTopics.grant(host);
    }

    /** Coordinators → every coordinator (not shared): the ordered decision log. Not retained. */
    public static final String CLAIMS = PREFIX + "/claims";

    /** Operator → campaign runner: start, pause, resume, abort (not retained). */
    public static String command(String campaign) {
        return PREFIX + "/campaign/" + campaign + "/command";
    }
}
