package dev.bmcagent.agent.ipmi;

import dev.bmcagent.agent.store.Account;
import dev.bmcagent.agent.store.AccountStore;
import dev.bmcagent.agent.store.Role;
import dev.bmcagent.ipmi.command.app.UserEntry;
import dev.bmcagent.ipmi.command.app.UserInfo;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.session.IpmiUser;
import dev.bmcagent.ipmi.session.IpmiUserDirectory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IPMI user table over the account store (reads are in memory, so RAKP stays non-blocking). User ID 1 is the
 * null user (fixed, disabled); accounts follow as IDs 2.. in the store's name order, at most {@link #MAX_USERS} - 1.
 * Role → privilege: Administrator → ADMINISTRATOR, Operator → OPERATOR, ReadOnly → USER. A disabled or locked
 * account is reported and found but not enabled. The password is the store's cleartext (RAKP needs it).
 */
public final class AccountUsers implements UserInfo, IpmiUserDirectory {
    public static final int MAX_USERS = 16;
    private static final int FIRST_ACCOUNT_ID = 2;

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
        return account(userId).map(a -> new UserEntry(a.name(), usable(a), privilege(a.role()), false));
    }

    @Override
    public Optional<IpmiUser> findByName(String name) {
        List<Account> all = listed();
        for (int i = 0; i < all.size(); i++) {
            Account a = all.get(i);
            if (a.name().equals(name)) {
                return Optional.of(new IpmiUser(FIRST_ACCOUNT_ID + i, a.name(), usable(a),
                        a.password().getBytes(StandardCharsets.US_ASCII), privilege(a.role())));
            }
        }
        return Optional.empty();
    }

    private Optional<Account> account(int userId) {
        List<Account> all = listed();
        int i = userId - FIRST_ACCOUNT_ID;
        return i >= 0 && i < all.size() ? Optional.of(all.get(i)) : Optional.empty();
    }

    private List<Account> listed() {
        List<Account> all = accounts.list();
        return all.size() > MAX_USERS - 1 ? all.subList(0, MAX_USERS - 1) : all;
    }

    private static boolean usable(Account a) {
        return a.enabled() && !a.locked();
    }
}
