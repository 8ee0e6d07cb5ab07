package dev.bmcagent.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link AccountStore} in memory only. */
public final class InMemoryAccountStore implements AccountStore {
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private int highWater = FIRST_ID - 1;

    @Override
    public synchronized CompletableFuture<Void> put(Account account) {
        Objects.requireNonNull(account, "account");
        int id = account.id() > 0
                ? account.id()
                : accounts.containsKey(account.name())
                        ? accounts.get(account.name()).id()
                        : highWater + 1;
        highWater = Math.max(highWater, id);
        accounts.put(account.name(), account.withId(id));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Boolean> remove(String name) {
        return CompletableFuture.completedFuture(accounts.remove(name) != null);
    }

    @Override
    public synchronized Optional<Account> find(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    @Override
    public synchronized List<Account> list() {
        return accounts.values().stream()
                .sorted(java.util.Comparator.comparingInt(Account::id))
                .toList();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
