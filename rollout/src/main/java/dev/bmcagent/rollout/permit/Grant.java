package dev.bmcagent.rollout.permit;

import java.time.Instant;
import java.util.Objects;

/**
 * A reboot permit held by one host.
 *
 * @param hostId    the holder (a host holds at most one permit)
 * @param group     the group it counts against
 * @param seq       the ledger's grant sequence number when granted (unique, increasing)
 * @param grantedAt when it was granted
 * @param expiresAt when the lease ends unless released before
 * @param reason    what the reboot is for
 */
public record Grant(String hostId, String group, long seq, Instant grantedAt, Instant expiresAt, String reason) {
    public Grant {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
