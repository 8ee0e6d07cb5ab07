package dev.bmcagent.ipmi.registry;

import dev.bmcagent.ipmi.message.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The command table: one row per (netfn, cmd), or one row per channel class when a command is split by channel
 * ({@link CommandSpec.Access}). Built once at start; a duplicate row (two rows a channel could both reach) fails the
 * start. Immutable after {@link Builder#build()}.
 */
public final class CommandRegistry {
    /**
     * Keys ({@code netFn << 8 | cmd}) in ascending order and their rows at the same index: look-ups on the packet path
     * are a binary search, no boxed key, stream or lambda per message.
     */
    private final int[] keys;

    private final List<List<CommandSpec>> rowsOfKey;

    private CommandRegistry(SortedMap<Integer, List<CommandSpec>> byKey) {
        this.keys = byKey.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.rowsOfKey = List.copyOf(byKey.values());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first row registered for (netFn, cmd), whatever channel it admits. */
    public Optional<CommandSpec> find(int netFn, int cmd) {
        List<CommandSpec> rows = rows(netFn, cmd);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The row a request on {@code channel} uses, empty when the command is unknown or not for that channel. */
    public Optional<CommandSpec> find(int netFn, int cmd, Channel channel) {
        for (CommandSpec spec : rows(netFn, cmd)) {
            if (spec.access().admits(channel)) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }

    /** Every row for (netFn, cmd): none when unknown, two when split by channel. */
    public List<CommandSpec> rows(int netFn, int cmd) {
        int i = Arrays.binarySearch(keys, netFn << 8 | cmd);
        return i >= 0 ? rowsOfKey.get(i) : List.of();
    }

    public Collection<CommandSpec> all() {
        return rowsOfKey.stream().flatMap(List::stream).toList();
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
            SortedMap<Integer, List<CommandSpec>> copy = new TreeMap<>();
            byKey.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new CommandRegistry(copy);
        }
    }
}
