package dev.bmcagent.ipmi.session;

import java.net.InetAddress;
import java.time.Instant;

/**
 * Who may try to log in, from where: the lockout and throttling port of the RMCP+ session layer. The agent gives
 * every host's LAN endpoint the same guard, and Redfish uses it too, so an account has one lockout state shared by
 * every port and protocol. Implementations must be thread-safe and fast (called on the LAN event loop).
 */
public interface LoginGuard {

    /** Whether a RAKP 1 from this address may be answered now (per-source rate limit over all user names). */
    boolean rakpAllowed(InetAddress source, Instant now);

    /** Whether this source may try a password for this user now (false while the source or account is locked). */
    boolean mayTry(String user, InetAddress source, Instant now);

    /**
     * A failed attempt by this source for this user. IPMI calls it when it sends a RAKP 2 carrying an HMAC (an
     * offline-crackable sample) and withdraws it with {@link #succeeded} when the RAKP 3 proves the password.
     */
    void failed(String user, InetAddress source, Instant now);

    /** The password was proven from this source: its failures for this user are forgotten. */
    void succeeded(String user, InetAddress source, Instant now);
}
