package dev.bmcagent.app.cli;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.mqtt.monitor.FleetMonitor;
import dev.bmcagent.mqtt.monitor.MonitorOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bmc monitor --broker URL}: the fleet monitor on the command line (register as a subcommand). */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = "Watch a fleet's boot telemetry over MQTT 5: phases, stuck hosts, alert actions.")
public final class MonitorCommand implements Callable<Integer> {

    @Option(names = "--broker", required = true, description = "Broker URI, e.g. tcp://127.0.0.1:1883")
    URI broker;

    @Option(
            names = "--topic-root",
            defaultValue = MonitorOptions.DEFAULT_TOPIC_ROOT,
            description = "Agents' topic prefixes with wildcards (default: ${DEFAULT-VALUE})")
    String topicRoot;

    @Option(
            names = "--group",
            defaultValue = MonitorOptions.DEFAULT_GROUP,
            description = "Shared-subscription group; instances in one group split the events"
                    + " (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--no-share", description = "Do not share: this instance sees every event")
    boolean noShare;

    @Option(
            names = "--instance",
            required = true,
            description = "Stable instance id (the broker keeps its session and redelivers unacknowledged events)")
    String instance;

    @Option(
            names = "--refresh",
            defaultValue = "PT5S",
            description = "Summary period (ISO-8601, default ${DEFAULT-VALUE})")
    Duration refresh;

    @Option(
            names = "--stale-after",
            defaultValue = "PT90S",
            description = "Show a host stale (apart from the phase counts) when no document of it arrived for this "
                    + "long, ISO-8601 duration; PT0S: only when its BMC reports offline (default: ${DEFAULT-VALUE}, "
                    + "three of the agent's 30 s state refreshes)")
    Duration staleAfter;

    @Option(
            names = "--session-expiry",
            defaultValue = "PT1H",
            description = "Session expiry (default ${DEFAULT-VALUE})")
    Duration sessionExpiry;

    @Option(names = "--alert-topic", description = "Publish alert actions to this MQTT topic")
    String alertTopic;

    @Option(names = "--webhook", description = "POST alert actions to this URL (loopback only unless allowed)")
    URI webhook;

    @Option(names = "--allow-remote-webhook", description = "Allow a webhook on a non-loopback address")
    boolean allowRemoteWebhook;

    @Option(names = "--username", description = "Broker user name")
    String username;

    @Option(names = "--password", description = "Broker password", interactive = true, arity = "0..1")
    String password;

    /** The options this command line describes. */
    public MonitorOptions options() {
        return new MonitorOptions(
                broker,
                topicRoot,
                noShare ? Optional.empty() : Optional.of(group),
                instance,
                sessionExpiry,
                refresh,
                Optional.ofNullable(alertTopic),
                Optional.ofNullable(webhook),
                allowRemoteWebhook,
                Optional.ofNullable(username),
                Optional.ofNullable(password),
                staleAfter);
    }

    @Override
    @SuppressWarnings("ClosingStandardOutputStreams") // FleetMonitor.close() disconnects; System.out stays open
    public Integer call() throws Exception {
        try (SystemScheduler scheduler = new SystemScheduler("monitor-refresh");
                FleetMonitor monitor = new FleetMonitor(options(), scheduler, System.out)) {
            Thread hook = new Thread(monitor::close, "monitor-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            monitor.run();
            return 0;
        }
    }
}
