package dev.bmcagent.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code --key value} command-line options with typed, bounded getters. */
public final class BenchOptions {
    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Parses {@code --key value} pairs; anything else is an error. */
    public static BenchOptions parse(String... args) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value pairs, got: " + String.join(" ", args));
            }
            map.put(args[i].substring(2).toLowerCase(Locale.ROOT), args[i + 1]);
        }
        return new BenchOptions(map);
    }

    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** An integer option within [min, max]. */
    public long number(String key, long fallback, long min, long max) {
        long v = values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
        if (v < min || v > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--%s %d not in [%d, %d]", key, v, min, max));
        }
        return v;
    }

    /** Host options are loopback only (the bench never sends a packet anywhere else). */
    public String loopbackHost(String key) {
        String host = string(key, "127.0.0.1");
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            throw new IllegalArgumentException("--" + key + " must be a loopback address, got " + host);
        }
        return host;
    }
}
