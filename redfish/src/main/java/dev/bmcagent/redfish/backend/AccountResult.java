package dev.bmcagent.redfish.backend;

import java.util.Objects;

/** Outcome of creating or changing an account. */
public sealed interface AccountResult {

    record Done(ManagerAccount account) implements AccountResult {
        public Done {
            Objects.requireNonNull(account, "account");
        }
    }

    record NotFound() implements AccountResult {}

    /** The user name is taken. */
    record Conflict() implements AccountResult {}

    /** The store refused a value (password policy, name rules, no free slot); {@code property} names it. */
    record Rejected(String property, String reason) implements AccountResult {
        public Rejected {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
