package dev.bmcagent.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.bmcagent.simulator.bmc.AgentBmcOptions;
import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.host.FaultFlag;
import dev.bmcagent.simulator.report.HtmlReport;
import dev.bmcagent.simulator.report.SimulationReport;
import dev.bmcagent.simulator.report.SimulationSettings;
import dev.bmcagent.simulator.report.SummaryJson;
import dev.bmcagent.simulator.report.SummaryText;
import dev.bmcagent.simulator.run.FleetSimulation;
import dev.bmcagent.simulator.run.SimulationRequest;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmc simulate}: a fleet of simulated hosts, each with a real agent core, on a virtual clock. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Fleet mode: N simulated hosts, each managed by a real agent core, on a virtual clock.",
            "Prints a summary, writes summary.json and report.html into --out."
        })
public final class SimulateCommand implements Callable<Integer> {
    enum OnOff {
        on,
        off
    }

    enum BootOrder {
        vendor,
        declared
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "100", description = "Number of hosts (default: ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed; a run is deterministic for a seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--scenario",
            defaultValue = "firmware-upgrade",
            description = "firmware-upgrade | reboot | cold-boot (default: ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(
            names = "--profile",
            defaultValue = "vendor",
            description =
                    "Network boot firmware: vendor (300 s per dead interface) | vendor-ipxe (vendor, per NIC HTTPS v4, "
                            + "iPXE v4, HTTPS v6, iPXE v6; iPXE with its own timings) | edk2 | ipxe (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(
            names = "--boot-order",
            defaultValue = "vendor",
            description =
                    "vendor: leave the firmware's order | declared: the agent declares .*HTTPS IPv6.* first (default: ${DEFAULT-VALUE}).")
    private BootOrder bootOrder;

    @Option(
            names = "--gating",
            defaultValue = "on",
            description = "on | off: off reads DIMM sensors during S2_D2 too (default: ${DEFAULT-VALUE}).")
    private OnOff gating;

    @Option(
            names = "--fan-policy",
            defaultValue = "on",
            description = "on | off: off treats unavailable sensors as failed (fail-safe) (default: ${DEFAULT-VALUE}).")
    private OnOff fanPolicy;

    @Option(
            names = "--nics",
            defaultValue = "1",
            description = "Single-port NICs per host, 1-8 (default: ${DEFAULT-VALUE}).")
    private int nics;

    @Option(
            names = "--bios-update",
            defaultValue = "refresh",
            description =
                    "What a BIOS update does to BootOrder: refresh (EDK2: network options re-created at the end) | reset (vendor defaults) (default: ${DEFAULT-VALUE}).")
    private String biosUpdate;

    @Option(
            names = "--upgrades",
            defaultValue = "1",
            description =
                    "firmware-upgrade: upgrades in a row, each BIOS, BMC, NIC with a reboot, 1-10 (a node several releases behind) (default: ${DEFAULT-VALUE}).")
    private int upgrades;

    @Option(
            names = "--force-priority",
            description =
                    "The firmware's vendor \"Force Priority\" token: it boots in its own order (Httpv4 Httpv6 Pxev4 Pxev6) whatever BootOrder says.")
    private boolean forcePriority;

    @Option(
            names = "--sensor-poll",
            defaultValue = "PT5S",
            description = "Agent sensor poll period, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration sensorPoll;

    @Option(
            names = "--fault-boot-order-lost",
            description = "Every host acknowledges boot-order writes that never stick.")
    private boolean bootOrderLost;

    @Option(
            names = "--fault-broken-sensor",
            paramLabel = "NAME",
            description = "Break this sensor on every host (fails in S0 too), e.g. CPU_TEMP.")
    private String brokenSensor;

    @Option(
            names = "--fault",
            paramLabel = "HOST:FAULT",
            description =
                    "A fault, repeatable, as for bmc demo: host<N>|all : dead-nics=N | stuck-memory-training[=BOOTS] "
                            + "| fan-stall[=FAN] | dimm-lost[=N] | boot-order-reset | boot-order-lost, e.g. host0:dead-nics=4.")
    private List<String> faults = new java.util.ArrayList<>();

    @Option(
            names = "--report-host",
            defaultValue = "0",
            paramLabel = "N",
            description = "The host whose boot timeline report.html draws (default: ${DEFAULT-VALUE}).")
    private int reportHost;

    @Option(
            names = "--out",
            defaultValue = "simulate-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--no-progress", description = "Do not show progress on stderr.")
    private boolean noProgress;

    @Option(names = "--verbose", description = "Log the agents' INFO messages (thousands per host).")
    private boolean verbose;

    private final CliEnvironment env;

    public SimulateCommand(CliEnvironment env) {
        this.env = env;
    }

    private static BiosUpdateEffect biosEffect(String name) {
        return switch (name) {
            case "refresh" -> BiosUpdateEffect.REFRESH_APPENDS_NETWORK;
            case "reset" -> BiosUpdateEffect.RESET_TO_DEFAULTS;
            default -> throw new IllegalArgumentException("--bios-update must be refresh or reset: " + name);
        };
    }

    @Override
    public Integer call() throws Exception {
        if (!verbose && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.ERROR);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<String> declared = bootOrder == BootOrder.declared ? AgentBmcOptions.DECLARED_HTTPS_IPV6 : List.of();
        SimulationSettings settings = new SimulationSettings(
                        scenario, hosts, seed, profile, declared, gating == OnOff.on, fanPolicy == OnOff.on)
                .withUpgrades(upgrades)
                .withForcePriority(forcePriority);
        SimulationRequest request = SimulationRequest.of(settings, nics)
                .withBootOrderWriteLost(bootOrderLost)
                .withBrokenSensor(Optional.ofNullable(brokenSensor))
                .withBiosUpdate(biosEffect(biosUpdate));
        try {
            request = request.withFaults(FaultFlag.parseAll(faults)).withSampleHost(reportHost);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        request = request.withBmc(request.bmc().withSensorPoll(sensorPoll));
        ProgressBar bar = new ProgressBar(stderr, interactive());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        SimulationReport report = FleetSimulation.run(request, noProgress ? (v, d, n) -> {} : bar, System::nanoTime);
        Path dir = env.workingDirectory().resolve(out);
        Files.createDirectories(dir);
        SummaryJson.write(report, dir.resolve("summary.json"));
        HtmlReport.write(report, dir.resolve("report.html"));
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        stdout.print(SummaryText.render(report));
        stdout.println(
                String.format(Locale.ROOT, "simulation thread CPU %.1f s (wall depends on machine load)", cpu / 1e9));
        stdout.println("wrote " + dir.resolve("summary.json") + " and " + dir.resolve("report.html"));
        stdout.flush();
        return report.sidesAgree() ? 0 : 3;
    }

    /**
     * Whether stderr is a terminal worth drawing a progress bar on. On Java 17 {@code System.console()} is null
     * exactly when the process is not attached to one; Java 22 changed that (use {@code Console.isTerminal()} there).
     */
    @SuppressWarnings("SystemConsoleNull") // this build runs on Java 17, where the null check is the terminal test
    private static boolean interactive() {
        return System.console() != null;
    }
}
