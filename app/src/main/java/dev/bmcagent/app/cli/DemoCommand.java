package dev.bmcagent.app.cli;

import dev.bmcagent.agent.VersionProvider;
import dev.bmcagent.simulator.host.FaultFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bmc demo}: starts what this build has and prints client commands for every service. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Run the agent and print copy-paste client commands for it.",
            "Starts the stores and the admin account and prints commands for ipmitool, curl and mosquitto_sub "
                    + "with the chosen ports.",
            "Services not wired into this build yet are marked \"(not yet served by this build)\". "
                    + "Ctrl-C stops everything."
        })
final class DemoCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    private ConfigOptions options = new ConfigOptions();

    @Option(
            names = "--fault",
            paramLabel = "HOST:FAULT",
            description = {
                "give a simulated host a fault; repeatable. HOST is host<N> (0-based) or all, FAULT one of:",
                "dead-nics=N: the next N network-boot attempts get no DHCP answer (all NICs dead)",
                "stuck-memory-training[=BOOTS]: the next BOOTS boots (default 1) hang in memory training",
                "fan-stall[=FAN]: fan FAN (1-based, default 1) reads 0 RPM while commanded",
                "dimm-lost[=N]: from the second boot on, N DIMMs (default 1) are missing",
                "boot-order-reset: a BIOS update after the first boot resets BootOrder to vendor defaults",
                "boot-order-lost: boot-order writes are acknowledged and never stick",
                "e.g. --time-scale 60 --fault host0:dead-nics=4"
            })
    private List<String> faults = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    DemoCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        List<FaultFlag> parsed;
        try {
            parsed = FaultFlag.parseAll(faults);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return RunCommand.run(
                RunCommand.resolve(
                        dev.bmcagent.agent.config.PartialConfig.demoDefaults().overriddenBy(options.toPartial()), env),
                env,
                spec.commandLine().getOut(),
                true,
                parsed,
                options.selPrefill());
    }
}
