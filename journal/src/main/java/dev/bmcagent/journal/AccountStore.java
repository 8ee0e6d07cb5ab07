package dev.bmcagent.journal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * User accounts for IPMI and Redfish. Reads come from memory; writes are acknowledged when their future
 * completes. Names are unique (case-sensitive, as in IPMI). Every account write is security state (password, role,
 * enabled, locked): on disk it is fsynced before the future completes, whatever the configured fsync policy.
 */
public interface AccountStore extends AutoCloseable {

    /** The first id handed out; 1 is the IPMI null user. */
    int FIRST_ID = 2;

    /** Accounts that may exist at once (the IPMI null user aside); Redfish refuses to create more. */
    int MAX_ACCOUNTS = 15;

    /**
     * Creates or replaces the account with this name. Its id: the one given, else the existing account's of that
     * name, else the next above every id ever handed out (a high-water mark kept with the accounts, so a deleted
     * account's id is never reused).
     */
    CompletableFuture<Void> put(Account account);

    /** The account with this id. */
    default Optional<Account> findById(int id) {
        return list().stream().filter(a -> a.id() == id).findFirst();
    }

    /** Completes with true if the account existed. */
    CompletableFuture<Boolean> remove(String name);

    Optional<Account> find(String name);

    /** All accounts, sorted by id. */
    List<Account> list();

    @Override
    void close();
}
