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

    List<Account> accounts();

    Optional<Account> account(String id);

    Optional<Account> byUserName(String userName);

    AccountResult create(String userName, String password, Role role, boolean enabled);

    AccountResult patch(String id, AccountPatch patch);

    /** @return false when the account does not exist */
    boolean delete(String id);

    LockoutPolicy lockoutPolicy();

    int minPasswordLength();

    int maxPasswordLength();
}
