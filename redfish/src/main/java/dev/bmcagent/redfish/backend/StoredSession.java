package dev.bmcagent.redfish.backend;

import java.time.Instant;
import java.util.Objects;

/**
 * A Redfish login session as kept across restarts. The token itself is never kept: only its SHA-256, which is
 * enough to recognise the token when a client presents it again and useless to anyone who reads the store.
 *
 * @param id           the Session Id (10 lowercase hex digits)
 * @param tokenSha256  SHA-256 of the X-Auth-Token's UTF-8 bytes, 64 lowercase hex digits
 * @param userName     the account the session belongs to
 * @param role         the account's role when the session was created
 * @param accountStamp the account's {@link AccountDirectory#sessionStamp} when the session was created
 * @param created      CreatedTime
 * @param lastUsed     the last request seen with the token, as last written (may lag, see {@link SessionPersistence})
 */
public record StoredSession(
        String id,
        String tokenSha256,
        String userName,
        RedfishRole role,
        String accountStamp,
        Instant created,
        Instant lastUsed) {
    public StoredSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenSha256, "tokenSha256");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(accountStamp, "accountStamp");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastUsed, "lastUsed");
        if (!id.matches("[0-9a-f]{10}")) {
            throw new IllegalArgumentException("session id must be 10 lowercase hex digits: " + id);
        }
        if (!tokenSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("tokenSha256 must be 64 lowercase hex digits");
        }
        if (userName.isEmpty()) {
            throw new IllegalArgumentException("userName is empty");
        }
    }

    /** The same session, last used at {@code now}. */
    public StoredSession touched(Instant now) {
        return new StoredSession(id, tokenSha256, userName, role, accountStamp, created, now);
    }
}
