package dev.bmcagent.ipmi.message;

import java.util.Objects;

/**
 * The requester of an IPMI command.
 *
 * @param channel   channel the request arrived on
 * @param privilege the session's current privilege (system interface: {@link Privilege#OEM}, i.e. all)
 * @param user      user name of the session; empty for the system interface
 * @param sessionId BMC-side session id, 0 when sessionless
 * @param hostIndex which managed host the request concerns (host0..hostN-1)
 */
public record RequestContext(Channel channel, Privilege privilege, String user, int sessionId, int hostIndex) {
    public RequestContext {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(user, "user");
        if (hostIndex < 0) {
            throw new IllegalArgumentException("hostIndex must be >= 0: " + hostIndex);
        }
    }

    /** The host itself talking over its system interface: sessionless, all privileges. */
    public static RequestContext systemInterface(int hostIndex) {
        return new RequestContext(Channel.SYSTEM_INTERFACE, Privilege.OEM, "", 0, hostIndex);
    }

    /**
     * A message on LAN before a session exists: Callback privilege (the least), no user, session id 0. The dispatcher
     * runs only the table's pre-session rows for it ({@code Dispatcher.dispatchOutsideSession}).
     */
    public static RequestContext outsideSession(int hostIndex) {
        return new RequestContext(Channel.LAN, Privilege.CALLBACK, "", 0, hostIndex);
    }

    public boolean isSystemInterface() {
        return channel == Channel.SYSTEM_INTERFACE;
    }
}
