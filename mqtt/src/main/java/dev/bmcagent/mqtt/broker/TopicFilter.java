package dev.bmcagent.mqtt.broker;

/**
 * MQTT topic names and filters (MQTT 3.1.1 §4.7, MQTT 5 §4.7 and §4.8.2 shared subscriptions). Pure functions.
 */
final class TopicFilter {
    private static final String SHARE_PREFIX = "$share/";

    private TopicFilter() {}

    /** A topic name a client may publish to: non-empty, no wildcards, no NUL. */
    static boolean isValidTopicName(String topic) {
        return topic != null
                && !topic.isEmpty()
                && topic.indexOf('+') < 0
                && topic.indexOf('#') < 0
                && topic.indexOf('\0') < 0
                && topic.length() <= 65_535;
    }

    /** A filter a client may subscribe to: '+' fills a whole level, '#' only as the whole last level. */
    static boolean isValidFilter(String filter) {
        if (filter == null || filter.isEmpty() || filter.indexOf('\0') >= 0) {
            return false;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return false;
            }
            if (level.contains("+") && !level.equals("+")) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code filter} matches {@code topic}; wildcards at the first level never match '$' topics. */
    static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true; // also matches the parent level: "a/#" matches "a"
            }
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** Parsed subscription filter: plain, or shared ({@code $share/<group>/<filter>}). */
    record Parsed(String group, String filter) {
        boolean shared() {
            return group != null;
        }
    }

    /** Parses a subscription filter; returns null when it is invalid. */
    static Parsed parse(String raw) {
        if (raw != null && raw.startsWith(SHARE_PREFIX)) {
            int slash = raw.indexOf('/', SHARE_PREFIX.length());
            if (slash <= SHARE_PREFIX.length()) {
                return null;
            }
            String group = raw.substring(SHARE_PREFIX.length(), slash);
            String filter = raw.substring(slash + 1);
            if (group.contains("+") || group.contains("#") || !isValidFilter(filter)) {
                return null;
            }
            return new Parsed(group, filter);
        }
        return isValidFilter(raw) ? new Parsed(null, raw) : null;
    }
}
