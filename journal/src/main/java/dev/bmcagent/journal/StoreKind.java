package dev.bmcagent.journal;

/** Which store implementation the agent uses (config key {@code store}). */
public enum StoreKind {
    /** Journals in the data directory: survives restarts and kill -9 (the default). */
    DISK,
    /** Memory only: nothing survives a restart (tests, throw-away fleet simulations). */
    MEMORY
}
