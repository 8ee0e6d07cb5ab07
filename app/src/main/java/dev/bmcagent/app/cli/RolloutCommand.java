package dev.bmcagent.app.cli;

import dev.bmcagent.rollout.cli.CampaignCommands;
import dev.bmcagent.rollout.cli.RolloutCoordinatorCommand;
import dev.bmcagent.rollout.cli.RolloutStatusCommand;
import picocli.CommandLine.Command;

/** {@code bmc rollout}: reboot-permit coordinated firmware campaigns. */
@Command(
        name = "rollout",
        mixinStandardHelpOptions = true,
        description = {"Fleet rollouts without reboot storms: campaigns under reboot permits (docs/ROLLOUT.md)."},
        subcommands = {
            RolloutSimulateCommand.class,
            RolloutCoordinatorCommand.class,
            RolloutStatusCommand.class,
            CampaignCommands.Start.class,
            CampaignCommands.Pause.class,
            CampaignCommands.Resume.class,
            CampaignCommands.Abort.class
        })
public final class RolloutCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
