package dev.bmcagent.redfish.backend;

import java.time.Duration;
import java.util.Objects;

/** The account store's lockout rules (AccountService AccountLockout*). */
public record LockoutPolicy(int threshold, Duration duration, Duration counterReset) {
    public LockoutPolicy {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(counterReset, "counterReset");
        if (threshold < 0) {
            throw new IllegalArgumentException("negative threshold");
        }
    }
}
