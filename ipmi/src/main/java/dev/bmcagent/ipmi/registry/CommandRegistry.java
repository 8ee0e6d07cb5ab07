package dev.bmcagent.ipmi.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The command table: one row per (netfn, cmd). Built once at start; a duplicate row fails the start.
 * Immutable after {@link Builder#build()}.
 */
public final class CommandRegistry {
    private final Map<Integer, CommandSpec> byKey;

    private CommandRegistry(Map<Integer, CommandSpec> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<CommandSpec> find(int netFn, int cmd) {
        return Optional.ofNullable(byKey.get(netFn << 8 | cmd));
    }

    public Collection<CommandSpec> all() {
        return byKey.values();
    }

    /** Collects rows; each feature package contributes its family of rows. */
    public static final class Builder {
        private final Map<Integer, CommandSpec> byKey = new TreeMap<>();

        public Builder add(CommandSpec spec) {
            CommandSpec previous = byKey.putIfAbsent(spec.key(), spec);
            if (previous != null) {
                throw new IllegalStateException("duplicate IPMI command: " + spec + " conflicts with " + previous);
            }
            return this;
        }

        public Builder addAll(Iterable<CommandSpec> specs) {
            specs.forEach(this::add);
            return this;
        }

        public CommandRegistry build() {
            return new CommandRegistry(new TreeMap<>(byKey));
        }
    }
}
