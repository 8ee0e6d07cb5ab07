package dev.bmcagent.redfish.backend;

import java.util.Objects;

/** Outcome of checking a user name and password. */
public sealed interface AuthResult {

    record Granted(ManagerAccount account) implements AuthResult {
        public Granted {
            Objects.requireNonNull(account, "account");
        }
    }

    /** Unknown user, wrong password, disabled, or locked out: the client is told none of which. */
    record Denied(Reason reason) implements AuthResult {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum Reason {
        BAD_CREDENTIALS,
        DISABLED,
        LOCKED_OUT
    }
}
