package dev.bmcagent.app.cli;

import static dev.bmcagent.app.cli.CliTestSupport.env;
import static dev.bmcagent.app.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.FreePorts;
import dev.bmcagent.app.cli.CliTestSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsEveryCommand() {
        Result r = run(env(tmp), "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: bmc [-hV] [COMMAND]"), r.out());
        for (String c : List.of("demo", "agent", "simulate", "monitor", "rollout")) {
            assertTrue(r.out().contains("\n  " + c + " "), c + " missing in\n" + r.out());
        }
    }

    @Test
    void aCommandIsBuiltAloneAndAnythingElseBuildsTheWholeTree() {
        List<String> all = List.of("demo", "agent", "monitor", "simulate", "rollout");
        for (String name : all) {
            CommandLine alone = Main.commandLine(env(tmp), new String[] {name, "--help"});
            assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()));
            assertEquals(name, alone.getSubcommands().get(name).getCommandSpec().name());
        }
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"agnet"})) {
            assertEquals(
                    all,
                    List.copyOf(
                            Main.commandLine(env(tmp), args).getSubcommands().keySet()));
        }
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatSuggestsTheCommand() {
        Result r = run(env(tmp), "agnet");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unmatched argument at index 0: 'agnet'"), r.err());
        assertTrue(r.err().contains("Did you mean: bmc agent?"), r.err());
    }

    @Test
    void noCommandPrintsUsageToStderrAndExits2() {
        Result r = run(env(tmp));
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Usage: bmc"), r.err());
    }

    @Test
    void versionNamesTheProject() {
        Result r = run(env(tmp), "--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("bmc-agent "), r.out());
    }

    @Test
    void demoHelpShowsEveryFlagWithItsKeyAndDefault() {
        Result r = run(env(tmp), "demo", "--help");
        assertEquals(0, r.exit());
        String help = r.out().replaceAll("\\s+", " ");
        for (String s : List.of(
                "--hosts=N",
                "(key hosts; default: 1)",
                "--ipmi-port=PORT",
                "default: 6230",
                "--redfish-port=PORT",
                "default: 8443",
                "--mqtt-port=PORT",
                "default: 1883",
                "--host-port=PORT",
                "default: 9002",
                "--admin-password=PASSWORD",
                "--data-dir=DIR",
                "$BMC_DATA_DIR",
                "~/.local/share/bmc-agent",
                "./data",
                "--time-scale=FACTOR",
                "default: 1.0",
                "--bind=IP",
                "default: 127.0.0.1")) {
            assertTrue(help.contains(s), s + " missing in\n" + r.out());
        }
    }

    @Test
    void simulateAndRolloutAreBuiltIn() {
        Result sim = run(env(tmp), "simulate", "--help");
        assertEquals(0, sim.exit(), sim.err());
        assertTrue(sim.out().contains("--hosts"), sim.out());
        Result rollout = run(env(tmp), "rollout", "--help");
        assertEquals(0, rollout.exit(), rollout.err());
    }

    @Test
    void monitorIsBuiltIn() {
        Result mon = run(env(tmp), "monitor", "--help");
        assertEquals(0, mon.exit(), mon.err());
        assertTrue(mon.out().contains("--broker"), mon.out());
    }

    @Test
    void badFlagValueIsAnInvalidConfigurationNamingTheKey() {
        Result r = run(
                env(tmp),
                "demo",
                "--ipmi-port",
                "0",
                "--data-dir",
                tmp.resolve("d").toString());
        assertEquals(2, r.exit());
        assertEquals(
                "bmc demo: invalid configuration: ipmiPort: 0 is out of range 1..65535",
                r.err().strip());
        Result bind = run(env(tmp), "demo", "--bind", "example.org");
        assertEquals(
                "bmc demo: invalid configuration: bind: 'example.org' is not an IP literal (e.g. 127.0.0.1 "
                        + "or ::1)",
                bind.err().strip());
    }

    @Test
    void aNonLoopbackHostInterfaceIsRefusedBeforeAnythingStarts() throws Exception {
        // The data dir cannot be created: had the configuration been accepted, start-up would fail there (exit 1)
        // before binding anything, so this test never listens on a non-loopback address either way.
        String noDir = "/dev/null/bmc-data";
        Result r = run(env(tmp), "demo", "--bind", "0.0.0.0", "--data-dir", noDir);
        assertEquals(2, r.exit(), r.err());
        assertTrue(
                r.err()
                        .startsWith("bmc demo: invalid configuration: hostInterface.bind: 0.0.0.0 is not a "
                                + "loopback address. The host interface is unauthenticated"),
                r.err());
        Path yaml = java.nio.file.Files.writeString(
                tmp.resolve("agent.yaml"), "dataDir: " + noDir + "\nhostInterface:\n  bind: '::'\n");
        Result a = run(env(tmp), "agent", "--config", yaml.toString());
        assertEquals(2, a.exit(), a.err());
        assertTrue(
                a.err().startsWith("bmc agent: invalid configuration: hostInterface.bind: :: is not a loopback"),
                a.err());
        Result m = run(env(tmp), "demo", "--mqtt-bind", "0.0.0.0", "--data-dir", noDir);
        assertEquals(2, m.exit(), m.err());
        assertTrue(
                m.err().contains("dataDir"),
                "an authenticated broker off loopback is accepted (then the data dir, "
                        + "which lies under a file, is refused): " + m.err());
        Path anon = java.nio.file.Files.writeString(
                tmp.resolve("anon.yaml"), "dataDir: " + noDir + "\nmqtt:\n  bind: 0.0.0.0\n  allowAnonymous: true\n");
        Result b = run(env(tmp), "agent", "--config", anon.toString());
        assertEquals(2, b.exit(), b.err());
        assertTrue(
                b.err()
                        .startsWith("bmc agent: invalid configuration: mqtt.allowAnonymous: the embedded broker on "
                                + "0.0.0.0 (mqtt.bind) is not on loopback"),
                b.err());
    }

    @Test
    void unparseableFlagIsAUsageError() {
        Result r = run(env(tmp), "demo", "--hosts", "many");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Invalid value for option '--hosts': 'many' is not an int"), r.err());
    }

    @Test
    void demoPrintsThePasswordOnceAndTheClientCommands() {
        Path data = tmp.resolve("data");
        int ipmiPort = FreePorts.udp();
        Result first = run(
                env(tmp),
                withPorts(
                        "demo",
                        "--data-dir",
                        data.toString(),
                        "--ipmi-port",
                        Integer.toString(ipmiPort),
                        "--host-port",
                        Integer.toString(FreePorts.tcp())));
        assertEquals(0, first.exit(), first.err());
        String password = first.out().lines().findFirst().orElseThrow().replaceAll(".*: ", "");
        assertEquals(16, password.length(), first.out());
        assertTrue(first.out().contains("shown only this once"));
        assertTrue(
                first.out()
                        .contains("ipmitool -I lanplus -H 127.0.0.1 -p " + ipmiPort + " -U admin -f "
                                + data.resolve("admin-password") + " -C 17 sel elist"),
                first.out());
        assertTrue(first.out().contains("(UDP 127.0.0.1 port " + ipmiPort + ")\n"), first.out());

        Result second = run(env(tmp), withPorts("demo", "--data-dir", data.toString()));
        assertEquals(0, second.exit(), second.err());
        assertFalse(second.out().contains(password), "password printed again:\n" + second.out());
        assertTrue(second.out().startsWith("Admin user 'admin', password in " + data.resolve("admin-password")));
    }

    @Test
    void demoDataDirDefaultsToTheEnvironmentVariable() {
        Path data = tmp.resolve("from-env");
        CliEnvironment e = new CliEnvironment(
                java.util.Map.of("BMC_DATA_DIR", data.toString()),
                tmp,
                tmp,
                new java.security.SecureRandom(),
                Runnable::run);
        assertEquals(0, run(e, withPorts("demo")).exit());
        assertTrue(Files.exists(data.resolve("admin-password")));
    }

    @Test
    void agentReadsYamlAndFlagsOverrideIt() throws Exception {
        Path yaml = tmp.resolve("agent.yaml");
        Files.writeString(yaml, "dataDir: " + tmp.resolve("yaml-data") + "\nadminPassword: From-Yaml1\n");
        Result r = run(env(tmp), withPorts("agent", "--config", yaml.toString()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Admin user 'admin', password as configured"), r.out());
        assertTrue(Files.isDirectory(tmp.resolve("yaml-data/store")));

        Result over = run(
                env(tmp),
                withPorts(
                        "agent",
                        "--config",
                        yaml.toString(),
                        "--data-dir",
                        tmp.resolve("flag").toString()));
        assertEquals(0, over.exit(), over.err());
        assertTrue(Files.isDirectory(tmp.resolve("flag/store")));
    }

    @Test
    void agentRejectsUnknownYamlKeyAndMissingConfig() throws Exception {
        Path yaml = tmp.resolve("bad.yaml");
        Files.writeString(yaml, "ipmi_port: 623\n");
        Result r = run(env(tmp), withPorts("agent", "--config", yaml.toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("bmc agent: invalid configuration: ipmi_port: unknown key"), r.err());
        Result missing = run(env(tmp), "agent");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("Missing required option: '--config=FILE'"), missing.err());
    }

    /** The command with free ports for every service that has none given (explicit flags win). */
    private static String[] withPorts(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        java.util.List<String> ports = FreePorts.args();
        for (int i = 0; i < ports.size(); i += 2) {
            if (!all.contains(ports.get(i))) {
                all.add(ports.get(i));
                all.add(ports.get(i + 1));
            }
        }
        return all.toArray(String[]::new);
    }
}
