package dev.bmcagent.ipmi.command.chassis;

import java.util.Optional;

/** The in-memory store (fleet mode, tests) against the one contract. */
class InMemoryBootOptionsStoreTest extends BootOptionsStoreContract {
    @Override
    protected BootOptionsStore newStore() {
        return new InMemoryBootOptionsStore();
    }

    @Override
    protected Optional<BootOptionsStore> reopen(BootOptionsStore store) {
        return Optional.empty();
    }
}
