package dev.bmcagent.agent.redfish;

import dev.bmcagent.agent.ipmi.AccountUsers;
import dev.bmcagent.agent.store.Account;
import dev.bmcagent.agent.store.AccountStore;
import dev.bmcagent.agent.store.PasswordCipher;
import dev.bmcagent.redfish.backend.AccountDirectory;
import dev.bmcagent.redfish.backend.AccountPatch;
import dev.bmcagent.redfish.backend.AccountResult;
import dev.bmcagent.redfish.backend.AuthResult;
import dev.bmcagent.redfish.backend.LockoutPolicy;
import dev.bmcagent.redfish.backend.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redfish accounts over the agent's {@link AccountStore}: the same users, passwords and roles as IPMI. Account ids
 * are the IPMI user ids ({@link AccountUsers}: 2.. in name order). Roles: ADMINISTRATOR/OPERATOR/READ_ONLY ↔
 * Administrator/Operator/ReadOnly.
 *
 * <p>Lockout: {@link #threshold} consecutive failures within {@link #counterReset} lock the account (stored, so IPMI
 * refuses it too) for {@link #duration}; the first login attempt after that unlocks it. Failure counts live in
 * memory. Lock and unlock writes are queued on the {@link StoreWriter}; account create/patch/delete write the store
 * on the calling thread (one journal record: administrative and rare).
 */
final class AccountStoreDirectory implements AccountDirectory {
    static final int MIN_PASSWORD = 8;
    private static final int FIRST_ID = 2;

    private final AccountStore store;
    private final Clock clock;
    private final StoreWriter writer;
    private final LockoutPolicy policy;
    private final PasswordCipher cipher;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    /** @param cipher keys the {@link #sessionStamp} HMAC (the data directory's key) */
    AccountStoreDirectory(AccountStore store, Clock clock, StoreWriter writer, LockoutPolicy policy,
                          PasswordCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    static LockoutPolicy defaultPolicy() {
        return new LockoutPolicy(5, Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    static Role role(dev.bmcagent.agent.store.Role r) {
        return switch (r) {
            case ADMINISTRATOR -> Role.Administrator;
            case OPERATOR -> Role.Operator;
            case READ_ONLY -> Role.ReadOnly;
        };
    }

    static dev.bmcagent.agent.store.Role role(Role r) {
        return switch (r) {
            case Administrator -> dev.bmcagent.agent.store.Role.ADMINISTRATOR;
            case Operator -> dev.bmcagent.agent.store.Role.OPERATOR;
            case ReadOnly -> dev.bmcagent.agent.store.Role.READ_ONLY;
        };
    }

    @Override
    public AuthResult verify(String userName, String password) {
        Optional<Account> found = store.find(userName);
        if (found.isEmpty()) {
            return new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS);
        }
        Account a = found.get();
        Instant now = clock.instant();
        if (locked(a, now)) {
            return new AuthResult.Denied(AuthResult.Reason.LOCKED_OUT);
        }
        if (!a.enabled()) {
            return new AuthResult.Denied(AuthResult.Reason.DISABLED);
        }
        if (!MessageDigest.isEqual(a.password().getBytes(StandardCharsets.US_ASCII),
                password.getBytes(StandardCharsets.US_ASCII))) {
            failed(a, now);
            return new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS);
        }
        failures.remove(a.name());
        return new AuthResult.Granted(view(a.withLocked(false)));
    }

    private boolean locked(Account a, Instant now) {
        Instant until = lockedUntil.get(a.name());
        if (until == null && !a.locked()) {
            return false;
        }
        if (until == null) {
            lockedUntil.put(a.name(), now.plus(policy.duration()));   // locked before this run: count from now
            return true;
        }
        if (now.isBefore(until)) {
            return true;
        }
        lockedUntil.remove(a.name());
        failures.remove(a.name());
        if (a.locked()) {
            writer.submit("unlock " + a.name(), () -> store.find(a.name())
                    .ifPresent(cur -> store.put(cur.withLocked(false)).join()));
        }
        return false;
    }

    private void failed(Account a, Instant now) {
        if (policy.threshold() == 0) {
            return;
        }
        Failures f = failures.compute(a.name(), (k, old) -> old == null
                || !now.isBefore(old.first.plus(policy.counterReset())) ? new Failures(now, 1)
                : new Failures(old.first, old.count + 1));
        if (f.count >= policy.threshold()) {
            lockedUntil.put(a.name(), now.plus(policy.duration()));
            failures.remove(a.name());
            writer.submit("lock " + a.name(), () -> store.find(a.name())
                    .ifPresent(cur -> store.put(cur.withLocked(true)).join()));
        }
    }

    @Override
    public List<dev.bmcagent.redfish.backend.Account> accounts() {
        List<Account> all = listed();
        List<dev.bmcagent.redfish.backend.Account> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            out.add(view(all.get(i), i));
        }
        return out;
    }

    @Override
    public Optional<dev.bmcagent.redfish.backend.Account> account(String id) {
        return accounts().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public Optional<dev.bmcagent.redfish.backend.Account> byUserName(String userName) {
        return accounts().stream().filter(a -> a.userName().equals(userName)).findFirst();
    }

    @Override
    public AccountResult create(String userName, String password, Role role, boolean enabled) {
        if (store.find(userName).isPresent()) {
            return new AccountResult.Conflict();
        }
        if (store.list().size() >= AccountUsers.MAX_USERS - 1) {
            return new AccountResult.Rejected("UserName", "no free user slot (IPMI allows "
                    + (AccountUsers.MAX_USERS - 1) + " accounts)");
        }
        Optional<AccountResult> bad = check(Optional.of(userName), Optional.of(password));
        if (bad.isPresent()) {
            return bad.get();
        }
        Account a = new Account(userName, password, role(role), enabled, false);
        store.put(a).join();
        return new AccountResult.Done(view(a));
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
        boolean unlock = p.locked().isPresent();
        Account next = new Account(name, p.password().orElse(old.password()), p.role().map(AccountStoreDirectory::role)
                .orElse(old.role()), p.enabled().orElse(old.enabled()), !unlock && old.locked());
        if (unlock) {
            lockedUntil.remove(old.name());
            failures.remove(old.name());
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
            lockedUntil.remove(a.name());
            failures.remove(a.name());
        });
        return found.isPresent();
    }

    /**
     * HMAC (under the data directory's key) of the name, password, role and Enabled: a session ends when any of them
     * changes, through Redfish, IPMI or the configured admin password, also while the agent was down. The stored
     * stamp reveals nothing about the password without the key file.
     */
    @Override
    public Optional<String> sessionStamp(String userName) {
        return store.find(userName).filter(Account::enabled).map(a -> cipher.mac(String.join("\0", "redfish-session",
                a.name(), a.password(), a.role().name())));
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        return policy;
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
        if (password.filter(pw -> pw.length() < MIN_PASSWORD || pw.length() > Account.MAX_PASSWORD_LENGTH
                || !pw.matches("[\\x21-\\x7E]+")).isPresent()) {
            return Optional.of(new AccountResult.Rejected("Password", MIN_PASSWORD + " to "
                    + Account.MAX_PASSWORD_LENGTH + " printable ASCII characters without spaces"));
        }
        return Optional.empty();
    }

    private List<Account> listed() {
        List<Account> all = store.list();
        return all.size() > AccountUsers.MAX_USERS - 1 ? all.subList(0, AccountUsers.MAX_USERS - 1) : all;
    }

    private Optional<Account> stored(String id) {
        List<Account> all = listed();
        for (int i = 0; i < all.size(); i++) {
            if (Integer.toString(FIRST_ID + i).equals(id)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private dev.bmcagent.redfish.backend.Account view(Account a) {
        List<Account> all = listed();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(a.name())) {
                return view(a, i);
            }
        }
        return view(a, all.size());
    }

    private dev.bmcagent.redfish.backend.Account view(Account a, int index) {
        boolean locked = a.locked() || lockedUntil.containsKey(a.name()) && clock.instant().isBefore(
                lockedUntil.get(a.name()));
        return new dev.bmcagent.redfish.backend.Account(Integer.toString(FIRST_ID + index), a.name(), role(a.role()),
                a.enabled(), locked);
    }

    private record Failures(Instant first, int count) {
    }
}
