package dev.bmcagent.ipmi.registry;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.Privilege;
import java.util.Arrays;
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
        SESSION_ONLY,
        /**
         * Session-based channels (LAN) before a session exists as well as inside one: what a remote console asks to
         * open a session (Get Channel Authentication Capabilities, Get Channel Cipher Suites; IPMI 2.0 §13.14, §13.15),
         * at {@link Privilege#CALLBACK}. The only rows {@link Dispatcher#dispatchOutsideSession} runs. The system
         * interface has no sessions: there such a command does not exist (C1h, as for an unknown one).
         */
        PRE_SESSION;

        /** True when a request from {@code channel} may use a row with this access. */
        public boolean admits(Channel channel) {
            return switch (this) {
                case ANY -> true;
                case SYSTEM_INTERFACE_ONLY -> channel == Channel.SYSTEM_INTERFACE;
                case SESSION_ONLY, PRE_SESSION -> channel != Channel.SYSTEM_INTERFACE;
            };
        }

        /**
         * What a channel this access does not admit is answered: D4h for a restriction (a host-only input from LAN,
         * IPMI 2.0 §5.2 "insufficient privilege level or other security-based restriction"); C1h for a session-setup
         * command on the sessionless system interface, where it is not a command.
         */
        public CompletionCode refusal() {
            return this == PRE_SESSION ? CompletionCode.INVALID_COMMAND : CompletionCode.INSUFFICIENT_PRIVILEGE;
        }

        /** True when some channel is admitted by both. */
        boolean overlaps(Access other) {
            return Arrays.stream(Channel.values()).anyMatch(c -> admits(c) && other.admits(c));
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

    /**
     * A row answered before a session exists (and inside one) on LAN: {@link Access#PRE_SESSION} at
     * {@link Privilege#CALLBACK}, the least privilege, since no user has logged in.
     */
    public static CommandSpec preSession(
            String name, int netFn, int cmd, int minLength, int maxLength, CommandHandler handler) {
        return new CommandSpec(name, netFn, cmd, Privilege.CALLBACK, minLength, maxLength, Access.PRE_SESSION, handler);
    }

    int key() {
        return netFn << 8 | cmd;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (netFn %02Xh cmd %02Xh)", name, netFn, cmd);
    }
}
