package dev.bmcagent.agent.redfishport;

import dev.bmcagent.journal.Account;
import dev.bmcagent.journal.AccountLockouts;
import dev.bmcagent.journal.AccountStore;
import dev.bmcagent.journal.PasswordCipher;
import dev.bmcagent.journal.Role;
import dev.bmcagent.redfish.backend.AccountDirectory;
import dev.bmcagent.redfish.backend.AccountPatch;
import dev.bmcagent.redfish.backend.AccountResult;
import dev.bmcagent.redfish.backend.AuthResult;
import dev.bmcagent.redfish.backend.LockoutPolicy;
import dev.bmcagent.redfish.backend.ManagerAccount;
import dev.bmcagent.redfish.backend.RedfishRole;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Redfish accounts over the agent's {@link AccountStore}: the same users, passwords and roles as IPMI. Account ids
 * are the store's ids (assigned once, never reused; also the IPMI user ids: the IPMI adapter's AccountUsers).
 * Roles: ADMINISTRATOR/OPERATOR/READ_ONLY ↔ Administrator/Operator/ReadOnly.
 *
 * <p>Lockout is the shared {@link AccountLockouts} (one state per account for IPMI and Redfish, per source address);
 * {@code Locked} shows the account-wide lock. Passwords are compared as exact bytes in constant time: the presented
 * password's UTF-8 bytes against the stored ASCII ones, so a non-ASCII character never matches. Account
 * create/patch/delete write the store on the calling thread (one journal record: administrative and rare).
 */
final class AccountStoreDirectory implements AccountDirectory {
    static final int MIN_PASSWORD = 8;

    private final AccountStore store;
    private final Clock clock;
    private final AccountLockouts lockouts;
    private final PasswordCipher cipher;

    /** @param cipher keys the {@link #sessionStamp} HMAC (the data directory's key) */
    AccountStoreDirectory(AccountStore store, Clock clock, AccountLockouts lockouts, PasswordCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lockouts = Objects.requireNonNull(lockouts, "lockouts");
    }

    static RedfishRole role(Role r) {
        return switch (r) {
            case ADMINISTRATOR -> RedfishRole.Administrator;
            case OPERATOR -> RedfishRole.Operator;
            case READ_ONLY -> RedfishRole.ReadOnly;
        };
    }

    static Role role(RedfishRole r) {
        return switch (r) {
            case Administrator -> Role.ADMINISTRATOR;
            case Operator -> Role.OPERATOR;
            case ReadOnly -> Role.READ_ONLY;
        };
    }

    @Override
    public AuthResult verify(String userName, String password) {
        return verify(userName, password, InetAddress.getLoopbackAddress().getHostAddress());
    }

    @Override
    public AuthResult verify(String userName, String password, String source) {
        Optional<Account> found = store.find(userName);
        if (found.isEmpty()) {
            return new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS);
        }
        Account a = found.get();
        Instant now = clock.instant();
        InetAddress from = address(source);
        if (!lockouts.mayTry(a.name(), from, now)) {
            return new AuthResult.Denied(AuthResult.Reason.LOCKED_OUT);
        }
        if (!a.enabled()) {
            return new AuthResult.Denied(AuthResult.Reason.DISABLED);
        }
        if (!MessageDigest.isEqual(
                a.password().getBytes(StandardCharsets.US_ASCII), password.getBytes(StandardCharsets.UTF_8))) {
            lockouts.failed(a.name(), from, now);
            return new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS);
        }
        lockouts.succeeded(a.name(), from, now);
        return new AuthResult.Granted(view(a));
    }

    /** A literal address as Vert.x reports it (never a name lookup); loopback when there is none (unix socket). */
    static InetAddress address(String source) {
        if (source == null || !source.matches("[0-9a-fA-F:.%]+")) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(source);
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    @Override
    public List<ManagerAccount> accounts() {
        return store.list().stream().map(this::view).toList();
    }

    @Override
    public Optional<ManagerAccount> account(String id) {
        return stored(id).map(this::view);
    }

    @Override
    public Optional<ManagerAccount> byUserName(String userName) {
        return store.find(userName).map(this::view);
    }

    @Override
    public AccountResult create(String userName, String password, RedfishRole role, boolean enabled) {
        if (store.find(userName).isPresent()) {
            return new AccountResult.Conflict();
        }
        if (store.list().size() >= AccountStore.MAX_ACCOUNTS) {
            return new AccountResult.Rejected(
                    "UserName", "no free account slot (at most " + AccountStore.MAX_ACCOUNTS + " accounts)");
        }
        Optional<AccountResult> bad = check(Optional.of(userName), Optional.of(password));
        if (bad.isPresent()) {
            return bad.get();
        }
        store.put(new Account(userName, password, role(role), enabled, false)).join();
        return new AccountResult.Done(view(store.find(userName).orElseThrow()));
    }

    @Override
    public AccountResult patch(String id, AccountPatch p) {
        Optional<Account> found = stored(id);
        if (found.isEmpty()) {
            return new AccountResult.NotFound();
        }
        Optional<AccountResult> bad = check(p.userName(), p.password());
        if (bad.isPresent()) {
            return bad.get();
        }
        Account old = found.get();
        String name = p.userName().orElse(old.name());
        if (!name.equals(old.name()) && store.find(name).isPresent()) {
            return new AccountResult.Conflict();
        }
        Account next = new Account(
                old.id(),
                name,
                p.password().orElse(old.password()),
                p.role().map(AccountStoreDirectory::role).orElse(old.role()),
                p.enabled().orElse(old.enabled()),
                false);
        if (isLastAdministrator(old) && !(next.enabled() && next.role() == Role.ADMINISTRATOR)) {
            return new AccountResult.Rejected(
                    p.role().isPresent() ? "RoleId" : "Enabled",
                    "the last enabled Administrator cannot be demoted or disabled");
        }
        if (p.locked().isPresent() || !name.equals(old.name())) {
            lockouts.unlock(old.name(), clock.instant());
        }
        store.put(next).join();
        if (!name.equals(old.name())) {
            store.remove(old.name()).join();
        }
        return new AccountResult.Done(view(next));
    }

    @Override
    public boolean delete(String id) {
        Optional<Account> found = stored(id);
        found.ifPresent(a -> {
            store.remove(a.name()).join();
            lockouts.unlock(a.name(), clock.instant());
        });
        return found.isPresent();
    }

    @Override
    public boolean isLastAdministrator(String id) {
        return stored(id).filter(this::isLastAdministrator).isPresent();
    }

    private boolean isLastAdministrator(Account a) {
        return a.enabled()
                && a.role() == Role.ADMINISTRATOR
                && store.list().stream()
                        .noneMatch(o -> o.id() != a.id() && o.enabled() && o.role() == Role.ADMINISTRATOR);
    }

    /**
     * HMAC (under the data directory's key) of the name, password, role and Enabled: a session ends when any of them
     * changes, through Redfish, IPMI or the configured admin password, also while the agent was down, and while the
     * account is locked. The stored stamp reveals nothing about the password without the key file.
     */
    @Override
    public Optional<String> sessionStamp(String userName) {
        return store.find(userName)
                .filter(Account::enabled)
                .filter(a -> !lockouts.accountLocked(a.name(), clock.instant()))
                .map(a -> cipher.mac(String.join(
                        "\0",
                        "redfish-session",
                        a.name(),
                        a.password(),
                        a.role().name(),
                        Integer.toString(a.id()))));
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        return new LockoutPolicy(lockouts.threshold(), lockouts.duration(), lockouts.window());
    }

    @Override
    public int minPasswordLength() {
        return MIN_PASSWORD;
    }

    @Override
    public int maxPasswordLength() {
        return Account.MAX_PASSWORD_LENGTH;
    }

    private Optional<AccountResult> check(Optional<String> name, Optional<String> password) {
        if (name.filter(n -> !n.matches("[A-Za-z0-9._-]{1,16}")).isPresent()) {
            return Optional.of(new AccountResult.Rejected("UserName", "1 to 16 of A-Z a-z 0-9 . _ -"));
        }
        if (password.filter(pw -> pw.length() < MIN_PASSWORD
                        || pw.length() > Account.MAX_PASSWORD_LENGTH
                        || !pw.matches("[\\x21-\\x7E]+"))
                .isPresent()) {
            return Optional.of(new AccountResult.Rejected(
                    "Password",
                    MIN_PASSWORD + " to "
                            + Account.MAX_PASSWORD_LENGTH
                            + " printable ASCII characters without spaces (IPMI 2.0 RMCP+ "
                            + "keys are at most 20 bytes)"));
        }
        return Optional.empty();
    }

    private Optional<Account> stored(String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        return store.findById(Integer.parseInt(id));
    }

    private ManagerAccount view(Account a) {
        return new ManagerAccount(
                Integer.toString(a.id()),
                a.name(),
                role(a.role()),
                a.enabled(),
                lockouts.accountLocked(a.name(), clock.instant()));
    }
}
