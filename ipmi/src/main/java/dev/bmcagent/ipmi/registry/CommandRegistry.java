package dev.bmcagent.ipmi.registry;

import dev.bmcagent.ipmi.message.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The command table: one row per (netfn, cmd), or one row per channel class when a command is split by channel
 * ({@link CommandSpec.Access}). Built once at start; a duplicate row (two rows a channel could both reach) fails the
 * start. Immutable after {@link Builder#build()}.
 */
public final class CommandRegistry {
    private final Map<Integer, List<CommandSpec>> byKey;

    private CommandRegistry(Map<Integer, List<CommandSpec>> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first row registered for (netFn, cmd), whatever channel it admits. */
    public Optional<CommandSpec> find(int netFn, int cmd) {
        return rows(netFn, cmd).stream().findFirst();
    }

    /** The row a request on {@code channel} uses, empty when the command is unknown or not for that channel. */
    public Optional<CommandSpec> find(int netFn, int cmd, Channel channel) {
        return rows(netFn, cmd).stream().filter(s -> s.access().admits(channel)).findFirst();
    }

    /** Every row for (netFn, cmd): none when unknown, two when split by channel. */
    public List<CommandSpec> rows(int netFn, int cmd) {
        return byKey.getOrDefault(netFn << 8 | cmd, List.of());
    }

    public Collection<CommandSpec> all() {
        return byKey.values().stream().flatMap(List::stream).toList();
    }

    /** Collects rows; each feature package contributes its family of rows. */
    public static final class Builder {
        private final Map<Integer, List<CommandSpec>> byKey = new TreeMap<>();

        public Builder add(CommandSpec spec) {
            List<CommandSpec> rows = byKey.computeIfAbsent(spec.key(), k -> new ArrayList<>());
            for (CommandSpec previous : rows) {
                if (previous.access().overlaps(spec.access())) {
                    throw new IllegalStateException("duplicate IPMI command: " + spec + " conflicts with " + previous);
                }
            }
            rows.add(spec);
            return this;
        }

        public Builder addAll(Iterable<CommandSpec> specs) {
            specs.forEach(this::add);
            return this;
        }

        public CommandRegistry build() {
            Map<Integer, List<CommandSpec>> copy = new TreeMap<>();
            byKey.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new CommandRegistry(copy);
        }
    }
}
