package dev.bmcagent.simulator.cli;

import dev.bmcagent.agent.cli.CliCommandProvider;
import dev.bmcagent.agent.cli.CliEnvironment;

/** Adds {@code bmc rollout} to the launcher (listed in META-INF/services). */
public final class RolloutCommands implements CliCommandProvider {

    @Override
    public Object createCommand(CliEnvironment environment) {
        return new RolloutCommand();
    }
}
