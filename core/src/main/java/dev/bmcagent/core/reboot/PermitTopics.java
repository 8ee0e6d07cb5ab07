package dev.bmcagent.core.reboot;

/**
 * The reboot-permit protocol's topics (docs/ROLLOUT.md §5): what the agent publishes and reads. The coordinator
 * (module {@code rollout}) uses the same names.
 */
public final class PermitTopics {
    public static final String PREFIX = "bmc/rollout";

    private PermitTopics() {}

    /** Agent → coordinators (one of them, shared subscription): please grant. Not retained. */
    public static String request(String group, String host) {
        return PREFIX + "/request/" + group + "/" + host;
    }

    /** Agent → coordinators: the host runs its OS again; the permit is returned. Not retained. */
    public static String release(String group, String host) {
        return PREFIX + "/release/" + group + "/" + host;
    }

    /** Agent → coordinators: the host rebooted on its own (never blocked, only counted). Not retained. */
    public static String observed(String group, String host) {
        return PREFIX + "/observed/" + group + "/" + host;
    }

    /** The grant, retained, keyed by host; an empty retained message means "no permit". */
    public static String grant(String host) {
        return PREFIX + "/grant/" + host;
    }

    /** Campaign runner → the host's agent: update this host to the campaign's targets. Not retained. */
    public static String update(String host) {
        return PREFIX + "/update/" + host;
    }

    /** The host's agent → campaign runner: how the host's update ended. Not retained. */
    public static String outcome(String host) {
        return PREFIX + "/outcome/" + host;
    }
}
