package dev.bmcagent.ipmi.command.sysinfo;

import java.util.Optional;

/** One host's System Info parameters as the agent keeps them (the command table assembles the blocks). */
public interface SystemInfoPort {

    /** The value last completed for {@code parameter}; empty when the host never set it. */
    Optional<SystemInfoString> get(int parameter);

    /** The host completed a string (all the blocks its length needs arrived). */
    void set(int parameter, SystemInfoString value);
}
