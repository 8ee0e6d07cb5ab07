package dev.bmcagent.app.cli;


/** Adds {@code bmc simulate} to the launcher (listed in META-INF/services). */
public final class SimulatorCommands implements CliCommandProvider {

    @Override
    public Object createCommand(CliEnvironment environment) {
        return new SimulateCommand(environment);
    }
}
