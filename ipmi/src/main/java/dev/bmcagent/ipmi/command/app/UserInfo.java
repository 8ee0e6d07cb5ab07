package dev.bmcagent.ipmi.command.app;

import java.util.Optional;

/** Read-only view of the IPMI user table (the agent's account store implements it). */
public interface UserInfo {
    /** Number of user IDs supported (1..63); IDs run from 1 to this. */
    int maxUsers();

    /** The user with this ID, empty if the slot is unused. */
    Optional<UserEntry> find(int userId);
}
