package dev.bmcagent.redfish.testing;

import dev.bmcagent.redfish.backend.AccountDirectory;
import dev.bmcagent.redfish.backend.AccountPatch;
import dev.bmcagent.redfish.backend.AccountResult;
import dev.bmcagent.redfish.backend.AuthResult;
import dev.bmcagent.redfish.backend.LockoutPolicy;
import dev.bmcagent.redfish.backend.ManagerAccount;
import dev.bmcagent.redfish.backend.RedfishRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Accounts with passwords and a failure counter that locks after the threshold (as the agent's store does). */
public final class InMemoryAccounts implements AccountDirectory {
    private record Entry(ManagerAccount account, String password, int failures) {}

    private final Map<String, Entry> byId = new TreeMap<>();
    private final LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(5), Duration.ofMinutes(5));
    private int nextId = 2;

    public synchronized void add(String user, String password, RedfishRole role) {
        String id = Integer.toString(nextId++);
        byId.put(id, new Entry(new ManagerAccount(id, user, role, true, false), password, 0));
    }

    @Override
    public synchronized AuthResult verify(String userName, String password) {
        for (Entry e : byId.values()) {
            if (e.account().userName().equals(userName)) {
                ManagerAccount a = e.account();
                if (a.locked()) {
                    return new AuthResult.Denied(AuthResult.Reason.LOCKED_OUT);
                }
                if (!a.enabled()) {
                    return new AuthResult.Denied(AuthResult.Reason.DISABLED);
                }
                if (e.password().equals(password)) {
                    byId.put(a.id(), new Entry(a, e.password(), 0));
                    return new AuthResult.Granted(a);
                }
                int f = e.failures() + 1;
                boolean lock = f >= policy.threshold();
                byId.put(
                        a.id(),
                        new Entry(
                                new ManagerAccount(a.id(), a.userName(), a.role(), a.enabled(), lock),
                                e.password(),
                                f));
                return new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS);
            }
        }
        return new AuthResult.Denied(AuthResult.Reason.BAD_CREDENTIALS);
    }

    @Override
    public synchronized List<ManagerAccount> accounts() {
        return byId.values().stream().map(Entry::account).toList();
    }

    @Override
    public synchronized Optional<ManagerAccount> account(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::account);
    }

    @Override
    public synchronized Optional<ManagerAccount> byUserName(String userName) {
        return accounts().stream().filter(a -> a.userName().equals(userName)).findFirst();
    }

    @Override
    public synchronized AccountResult create(String userName, String password, RedfishRole role, boolean enabled) {
        if (byUserName(userName).isPresent()) {
            return new AccountResult.Conflict();
        }
        if (password.length() < minPasswordLength()) {
            return new AccountResult.Rejected("Password", "too short");
        }
        String id = Integer.toString(nextId++);
        ManagerAccount a = new ManagerAccount(id, userName, role, enabled, false);
        byId.put(id, new Entry(a, password, 0));
        return new AccountResult.Done(a);
    }

    @Override
    public synchronized AccountResult patch(String id, AccountPatch p) {
        Entry e = byId.get(id);
        if (e == null) {
            return new AccountResult.NotFound();
        }
        ManagerAccount a = e.account();
        ManagerAccount n = new ManagerAccount(
                id,
                p.userName().orElse(a.userName()),
                p.role().orElse(a.role()),
                p.enabled().orElse(a.enabled()),
                p.locked().orElse(a.locked()));
        byId.put(id, new Entry(n, p.password().orElse(e.password()), p.locked().isPresent() ? 0 : e.failures()));
        return new AccountResult.Done(n);
    }

    @Override
    public synchronized boolean delete(String id) {
        return byId.remove(id) != null;
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        return policy;
    }

    @Override
    public int minPasswordLength() {
        return 6;
    }

    @Override
    public int maxPasswordLength() {
        return 20;
    }

    public synchronized List<String> userNames() {
        return new ArrayList<>(accounts().stream().map(ManagerAccount::userName).toList());
    }
}
