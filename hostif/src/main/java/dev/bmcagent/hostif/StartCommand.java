package dev.bmcagent.hostif;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The power-on path of the VM protocol, which has no power-on operation: like ipmi_sim's
 * {@code startcmd}, launch a configured command (e.g. a QEMU command line) that brings the machine up;
 * the machine then connects back. The argv is run directly (no shell), output discarded, and the
 * process is not killed when the agent stops (the machine outlives a BMC restart).
 */
final class StartCommand {
    private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);

    private final int hostIndex;
    private final List<String> argv;
    private Process running;

    StartCommand(int hostIndex, List<String> argv) {
        this.hostIndex = hostIndex;
        this.argv = List.copyOf(argv);
    }

    synchronized ControlResult launch() {
        if (argv.isEmpty()) {
            return ControlResult.NO_START_COMMAND;
        }
        if (running != null && running.isAlive()) {
            return ControlResult.START_COMMAND_PENDING;
        }
        try {
            running = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            LOG.info("host{}: power-on: launched start command {} (pid {})", hostIndex, argv, running.pid());
            return ControlResult.START_COMMAND_LAUNCHED;
        } catch (IOException | RuntimeException e) {
            LOG.warn("host{}: power-on: start command {} failed: {}", hostIndex, argv, e.toString());
            return ControlResult.START_COMMAND_FAILED;
        }
    }
}
