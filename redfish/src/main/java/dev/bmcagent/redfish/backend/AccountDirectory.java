package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Optional;

/**
 * The BMC's account store, shared with IPMI: the same users, passwords, roles and lockout for both.
 * The store counts failures and locks accounts; the service only reports the outcome.
 */
public interface AccountDirectory {

    /** Checks a user name and password, counting failures towards lockout. */
    AuthResult verify(String userName, String password);

    /**
     * Checks a user name and password presented from {@code sourceAddress} (the peer's literal IP address):
     * failures count towards the lockout of that source for that account. The default ignores the source.
     */
    default AuthResult verify(String userName, String password, String sourceAddress) {
        return verify(userName, password);
    }

    /** Whether this account is the last enabled Administrator (it may not be deleted, demoted or disabled). */
    default boolean isLastAdministrator(String id) {
        return false;
    }

    List<ManagerAccount> accounts();

    Optional<ManagerAccount> account(String id);

    Optional<ManagerAccount> byUserName(String userName);

    AccountResult create(String userName, String password, RedfishRole role, boolean enabled);

    AccountResult patch(String id, AccountPatch patch);

    /**
     * An opaque value that changes whenever the account's credentials or rights change (password, role, enabled);
     * empty when the account does not exist or is disabled. A session whose stamp no longer matches has ended, also
     * when the change came from elsewhere (IPMI, configuration) or happened while the service was down. Checked on
     * every request with a session token, so it must be cheap. The default covers existence, Enabled and role only.
     */
    default Optional<String> sessionStamp(String userName) {
        return byUserName(userName)
                .filter(ManagerAccount::enabled)
                .map(a -> a.role().name());
    }

    /** Deletes the account; false when it does not exist. */
    boolean delete(String id);

    LockoutPolicy lockoutPolicy();

    int minPasswordLength();

    int maxPasswordLength();
}
