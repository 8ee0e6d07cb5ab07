package dev.bmcagent.simulator.cli;

import dev.bmcagent.agent.cli.CliCommandProvider;
import dev.bmcagent.agent.cli.CliEnvironment;

/** Adds {@code bmc simulate} to the launcher (listed in META-INF/services). */
public final class SimulatorCommands implements CliCommandProvider {

    @Override
    public Object createCommand(CliEnvironment environment) {
        return new SimulateCommand(environment);
    }
}
