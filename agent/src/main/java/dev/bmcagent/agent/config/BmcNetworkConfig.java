package dev.bmcagent.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code redfish.network:} section: how a Redfish PATCH of {@code Managers/bmc/EthernetInterfaces/*} configures the
 * BMC's own network, through systemd-networkd. Absent: the interfaces are read-only (no PATCH). Relative paths are
 * relative to the data directory ({@code bmc demo} writes into {@code <dataDir>/network} and runs no command).
 *
 * @param directory      where the {@code 50-bmc-agent-<interface>.network} files go (/etc/systemd/network on a BMC)
 * @param hostnameFile   where the host name goes (/etc/hostname on a BMC)
 * @param reload         argv run after a file changed, e.g. [networkctl, reload]; empty: none
 * @param setHostname    argv run after the host name changed, {@code {hostname}} replaced by it, e.g.
 *                       [hostnamectl, set-hostname, "{hostname}"]; empty: none
 * @param commandTimeout how long a command may run before it is killed and the change undone (1 s..10 min)
 */
public record BmcNetworkConfig(
        Path directory, Path hostnameFile, List<String> reload, List<String> setHostname, Duration commandTimeout) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);

    public BmcNetworkConfig {
        Objects.requireNonNull(directory, "redfish.network.directory");
        Objects.requireNonNull(hostnameFile, "redfish.network.hostnameFile");
        reload = List.copyOf(reload);
        setHostname = List.copyOf(setHostname);
        for (List<String> argv : List.of(reload, setHostname)) {
            if (!argv.isEmpty() && argv.get(0).isBlank()) {
                throw new ConfigException("redfish.network", "a command's program is empty");
            }
        }
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.compareTo(PowerConfig.MIN) < 0 || commandTimeout.compareTo(PowerConfig.MAX) > 0) {
            throw new ConfigException(
                    "redfish.network.commandTimeoutSeconds",
                    commandTimeout.toMillis() / 1000.0 + " s is out of range " + PowerConfig.MIN.toSeconds() + ".."
                            + PowerConfig.MAX.toSeconds() + " s");
        }
    }

    /** What {@code bmc demo} uses when the configuration has no {@code redfish.network}: files in the data dir. */
    public static BmcNetworkConfig demo(Path dataDir) {
        return new BmcNetworkConfig(
                dataDir.resolve("network"),
                dataDir.resolve("network").resolve("hostname"),
                List.of(),
                List.of(),
                DEFAULT_COMMAND_TIMEOUT);
    }
}
