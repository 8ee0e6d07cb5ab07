package dev.bmcagent.agent.ipmiport;

import dev.bmcagent.ipmi.command.app.UserEntry;
import dev.bmcagent.ipmi.command.app.UserInfo;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.session.IpmiUser;
import dev.bmcagent.ipmi.session.IpmiUserDirectory;
import dev.bmcagent.journal.AccountStore;
import dev.bmcagent.journal.Role;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The IPMI user table over the account store (reads are in memory, so RAKP stays non-blocking). User ID 1 is the
 * null user (fixed, disabled); every account's IPMI user ID is its store id, assigned once and never reused, so it
 * does not move when other accounts are created or deleted. Accounts whose id is above {@link #MAX_USERS} (the 6-bit
 * IPMI user ID space) are Redfish-only. Role → privilege: Administrator → ADMINISTRATOR, Operator → OPERATOR,
 * ReadOnly → USER. A disabled account is reported and found but not enabled (lockout is the
 * {@link dev.bmcagent.ipmi.session.LoginGuard}'s). The password is the store's cleartext (RAKP needs it).
 */
public final class AccountUsers implements UserInfo, IpmiUserDirectory {
    /** IPMI user IDs are 6 bits (IPMI 2.0 §22.27 Get User Access: 1..63). */
    public static final int MAX_USERS = 63;
    /** Accounts that may exist at once (the null user aside), as before ids were stable. */
    public static final int MAX_ACCOUNTS = AccountStore.MAX_ACCOUNTS;

    private final AccountStore accounts;

    public AccountUsers(AccountStore accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    public static Privilege privilege(Role role) {
        return switch (role) {
            case ADMINISTRATOR -> Privilege.ADMINISTRATOR;
            case OPERATOR -> Privilege.OPERATOR;
            case READ_ONLY -> Privilege.USER;
        };
    }

    @Override
    public int maxUsers() {
        return MAX_USERS;
    }

    @Override
    public Optional<UserEntry> find(int userId) {
        if (userId == 1) {
            return Optional.of(new UserEntry("", false, Privilege.USER, true));
        }
        return accounts.findById(userId).map(a -> new UserEntry(a.name(), a.enabled(), privilege(a.role()), false));
    }

    @Override
    public Optional<IpmiUser> findByName(String name) {
        return accounts.find(name)
                .filter(a -> a.id() >= 2 && a.id() <= MAX_USERS)
                .map(a -> new IpmiUser(
                        a.id(),
                        a.name(),
                        a.enabled(),
                        a.password().getBytes(StandardCharsets.US_ASCII),
                        privilege(a.role())));
    }
}
