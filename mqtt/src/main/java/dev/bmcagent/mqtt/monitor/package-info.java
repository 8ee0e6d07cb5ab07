/**
 * The fleet monitor ({@code bmc monitor}): {@link dev.bmcagent.mqtt.monitor.FleetMonitor} watches many agents'
 * telemetry over MQTT 5, shows phase counts and stuck hosts, and fires alert actions (stdout, MQTT, webhook).
 * Instances scale out with a shared subscription on the events topic (docs/MQTT.md).
 *
 * <p>Command line: register {@link dev.bmcagent.app.cli.MonitorCommand} as a picocli subcommand
 * ({@code new CommandLine(root).addSubcommand(new MonitorCommand())}, or list it in the root's
 * {@code subcommands}). Programmatic use:
 * <pre>{@code
 * try (SystemScheduler scheduler = new SystemScheduler("monitor");
 *      FleetMonitor monitor = new FleetMonitor(MonitorOptions.of(URI.create("tcp://127.0.0.1:1883"), "mon-a"),
 *              scheduler, System.out)) {
 *     monitor.start();    // or run(): start and block until close()
 *     FleetView.Snapshot now = monitor.snapshot();
 * }
 * }</pre>
 */
package dev.bmcagent.mqtt.monitor;
