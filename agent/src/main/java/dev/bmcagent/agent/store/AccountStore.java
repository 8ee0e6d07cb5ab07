package dev.bmcagent.agent.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * User accounts for IPMI and Redfish. Reads come from memory; writes are acknowledged when their future
 * completes. Names are unique (case-sensitive, as in IPMI). Every account write is security state (password, role,
 * enabled, locked): on disk it is fsynced before the future completes, whatever the configured fsync policy.
 */
public interface AccountStore extends AutoCloseable {

    /** Creates or replaces the account with this name. */
    CompletableFuture<Void> put(Account account);

    /** Completes with true if the account existed. */
    CompletableFuture<Boolean> remove(String name);

    Optional<Account> find(String name);

    /** All accounts, sorted by name. */
    List<Account> list();

    @Override
    void close();
}
