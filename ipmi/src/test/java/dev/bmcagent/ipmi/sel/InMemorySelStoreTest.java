package dev.bmcagent.ipmi.sel;

import java.time.Clock;

class InMemorySelStoreTest extends SelStoreContract {
    @Override
    protected SelStore create(Clock clock, int capacity) {
        return new InMemorySelStore(clock, capacity);
    }
}
