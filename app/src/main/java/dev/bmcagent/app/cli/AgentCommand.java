package dev.bmcagent.app.cli;

import dev.bmcagent.agent.VersionProvider;
import dev.bmcagent.agent.config.AgentConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmc agent --config FILE}: the agent alone, configured from YAML; flags override file keys. */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Run the agent alone, configured from a YAML file.",
            "Every flag below overrides the YAML key named in its description."
        })
final class AgentCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            required = true,
            description = "YAML configuration file (keys: see docs/CONFIGURATION.md)")
    private Path config;

    @Mixin
    private ConfigOptions options = new ConfigOptions();

    @Spec
    private CommandSpec spec;

    AgentCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        var partial = new AgentConfigLoader().load(config).overriddenBy(options.toPartial());
        return RunCommand.run(
                RunCommand.resolve(partial, env), env, spec.commandLine().getOut(), false, options.selPrefill());
    }
}
