package dev.bmcagent.ipmi.registry;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.Privilege;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the IPMI command table: the spec is code.
 *
 * @param name        the spec's name for the command, e.g. "Get Device ID"
 * @param netFn       request network function
 * @param cmd         command code
 * @param privilege   minimum privilege on a session-based channel
 * @param minLength   smallest valid request data length
 * @param maxLength   largest valid request data length
 * @param access      which channels may issue it; the dispatcher answers D4h on any other channel, so a handler
 *                    never sees a request from a channel its row does not admit
 * @param handler     the implementation
 */
public record CommandSpec(
        String name,
        int netFn,
        int cmd,
        Privilege privilege,
        int minLength,
        int maxLength,
        Access access,
        CommandHandler handler) {

    /**
     * Who may issue a command. A (netFn, cmd) may have one row per channel class: e.g. Platform Event Message has a
     * system-interface row (the host's events drive the lifecycle) and a session row (an operator's event is only
     * stored in the SEL), so what a channel may cause is decided by the table, not inside a handler.
     */
    public enum Access {
        /** LAN sessions (subject to privilege) and the system interface. */
        ANY,
        /**
         * Only the host's system interface: the lifecycle inputs (Set ACPI Power State, boot progress, the host's
         * platform events, the OEM host commands) and the system-interface housekeeping.
         */
        SYSTEM_INTERFACE_ONLY,
        /** Only session-based channels (LAN): the other half of a command split by channel. */
        SESSION_ONLY;

        /** True when a request from {@code channel} may use a row with this access. */
        public boolean admits(Channel channel) {
            return switch (this) {
                case ANY -> true;
                case SYSTEM_INTERFACE_ONLY -> channel == Channel.SYSTEM_INTERFACE;
                case SESSION_ONLY -> channel != Channel.SYSTEM_INTERFACE;
            };
        }

        /** True when some channel is admitted by both. */
        boolean overlaps(Access other) {
            return this == ANY || other == ANY || this == other;
        }
    }

    /** Sentinel group byte value used in {@link #key()} when a command is not group-extension specific. */
    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if ((netFn & 1) != 0 || netFn < 0 || netFn > 0x3E) {
            throw new IllegalArgumentException(name + ": netFn must be an even request code: " + netFn);
        }
        if (cmd < 0 || cmd > 0xFF) {
            throw new IllegalArgumentException(name + ": cmd out of range: " + cmd);
        }
        if (minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException(name + ": bad length range " + minLength + ".." + maxLength);
        }
    }

    public static CommandSpec of(
            String name,
            int netFn,
            int cmd,
            Privilege privilege,
            int minLength,
            int maxLength,
            CommandHandler handler) {
        return new CommandSpec(name, netFn, cmd, privilege, minLength, maxLength, Access.ANY, handler);
    }

    public static CommandSpec hostOnly(
            String name, int netFn, int cmd, int minLength, int maxLength, CommandHandler handler) {
        return new CommandSpec(
                name, netFn, cmd, Privilege.ADMINISTRATOR, minLength, maxLength, Access.SYSTEM_INTERFACE_ONLY, handler);
    }

    /**
     * The session-channel row of a command split by channel (see {@link Access}): what LAN may do with it.
     */
    public static CommandSpec sessionOnly(
            String name,
            int netFn,
            int cmd,
            Privilege privilege,
            int minLength,
            int maxLength,
            CommandHandler handler) {
        return new CommandSpec(name, netFn, cmd, privilege, minLength, maxLength, Access.SESSION_ONLY, handler);
    }

    int key() {
        return netFn << 8 | cmd;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (netFn %02Xh cmd %02Xh)", name, netFn, cmd);
    }
}
