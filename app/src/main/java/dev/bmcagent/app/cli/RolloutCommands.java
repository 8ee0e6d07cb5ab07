package dev.bmcagent.app.cli;


/** Adds {@code bmc rollout} to the launcher (listed in META-INF/services). */
public final class RolloutCommands implements CliCommandProvider {

    @Override
    public Object createCommand(CliEnvironment environment) {
        return new RolloutCommand();
    }
}
