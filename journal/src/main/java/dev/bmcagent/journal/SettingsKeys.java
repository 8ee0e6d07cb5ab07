package dev.bmcagent.journal;

import java.util.regex.Pattern;

/** The one rule for setting keys, shared by both implementations: dotted lowercase names. */
final class SettingsKeys {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-zA-Z0-9_.\\-/]{0,199}");

    private SettingsKeys() {}

    static String check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key must match " + KEY.pattern() + ": '" + key + "'");
        }
        return key;
    }
}
