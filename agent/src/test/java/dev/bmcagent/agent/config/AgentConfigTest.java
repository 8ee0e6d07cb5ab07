package dev.bmcagent.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.reboot.DeadlineRebootPermits;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigTest {
    private static final Path DEFAULT_DIR = Path.of("/var/lib/bmc-test");
    private final AgentConfigLoader loader = new AgentConfigLoader();

    @TempDir
    Path tmp;

    private AgentConfig yaml(String text) {
        return loader.parse(text).resolve(DEFAULT_DIR);
    }

    private String rejection(String text) {
        return assertThrows(ConfigException.class, () -> yaml(text)).getMessage();
    }

    @Test
    void emptyFileGivesTheDefaults() {
        assertEquals(yaml(""), yaml("# only a comment\n"));
        AgentConfig c = yaml("");
        assertEquals(
                new AgentConfig(
                        1,
                        "127.0.0.1",
                        6230,
                        8443,
                        1883,
                        9002,
                        Optional.empty(),
                        DEFAULT_DIR,
                        1.0,
                        StoreKind.DISK,
                        FsyncPolicy.NEVER,
                        MqttConfig.embedded(),
                        Listeners.all("127.0.0.1"),
                        RedfishConfig.defaults(),
                        HostLinkKind.VM,
                        Optional.empty(),
                        Optional.empty(),
                        AlertLimits.defaults(),
                        PowerConfig.NONE,
                        RolloutConfig.local(MqttConfig.DEFAULT_SITE),
                        List.of(),
                        IpmiIdentity.UNKNOWN),
                c);
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Path file = tmp.resolve("agent.yaml");
        Files.writeString(file, """
                hosts: 12
                bind: '::1'
                ipmiPort: 16230
                redfishPort: 18443
                mqttPort: 11883
                hostPort: 19002
                adminPassword: S3cret-Pw
                dataDir: /srv/bmc
                timeScale: 60.5
                store: memory
                fsync: batch
                mqtt:
                  brokerUrl: tcp://127.0.0.1:1884\
                """);
        AgentConfig c = loader.load(file).resolve(DEFAULT_DIR);
        AgentConfig d = yaml(""); // the sections this file does not give: the defaults (emptyFileGivesTheDefaults)
        assertEquals(
                new AgentConfig(
                        12,
                        "::1",
                        16230,
                        18443,
                        11883,
                        19002,
                        Optional.of("S3cret-Pw"),
                        Path.of("/srv/bmc"),
                        60.5,
                        StoreKind.MEMORY,
                        FsyncPolicy.BATCH,
                        new MqttConfig("tcp://127.0.0.1:1884", MqttConfig.DEFAULT_SITE, MqttConfig.DEFAULT_BMC_ID),
                        Listeners.all("::1"),
                        d.redfish(),
                        d.hostLink(),
                        d.openbmc(),
                        d.hardware(),
                        d.alerts(),
                        d.power(),
                        d.rollout(),
                        d.bootOrder(),
                        d.ipmiIdentity()),
                c);
    }

    @Test
    void theIpmiSectionNamesTheMakerAndModelGetDeviceIdReports() {
        AgentConfig c = yaml("ipmi:\n  bind: 127.0.0.2\n  manufacturerId: 49871\n  productId: 4660\n");
        assertEquals(new IpmiIdentity(49871, 0x1234), c.ipmiIdentity());
        assertEquals("127.0.0.2", c.listeners().ipmi());
        // a flags layer that only binds keeps the file's identity
        PartialConfig file = loader.parse("ipmi:\n  manufacturerId: 4660\n");
        PartialConfig flags = PartialConfig.builder()
                .ipmi(new PartialConfig.PartialIpmi("127.0.0.3", null, null))
                .build();
        assertEquals(
                new IpmiIdentity(4660, 0),
                file.overriddenBy(flags).resolve(DEFAULT_DIR).ipmiIdentity());
        assertTrue(rejection("ipmi:\n  manufacturerId: 1048576\n").contains("ipmi.manufacturerId"));
        assertTrue(rejection("ipmi:\n  manufacturerId: -1\n").contains("ipmi.manufacturerId"));
        assertTrue(rejection("ipmi:\n  productId: 65536\n").contains("ipmi.productId"));
        assertTrue(rejection("ipmi:\n  productId: many\n").contains("productId"));
    }

    @Test
    void flagsOverrideTheFileKeyByKey() {
        PartialConfig file = loader.parse("hosts: 3\nipmiPort: 7000\nmqtt:\n  brokerUrl: tcp://127.0.0.1:2000\n");
        PartialConfig flags = loader.parse("ipmiPort: 7001\ntimeScale: 2.0\n");
        AgentConfig c = file.overriddenBy(flags).resolve(DEFAULT_DIR);
        assertEquals(3, c.hosts());
        assertEquals(7001, c.ipmiPort());
        assertEquals(2.0, c.timeScale());
        assertEquals("tcp://127.0.0.1:2000", c.mqtt().brokerUrl());
    }

    @Test
    void unknownKeyIsNamedWithTheKnownKeys() {
        assertEquals(
                "ipmiPrt: unknown key (known keys: adminPassword, alerts, bind, bootOrder, dataDir, fsync, hardware, "
                        + "hostInterface, hostLink, hostPort, hosts, ipmi, ipmiPort, mqtt, mqttPort, openbmc, power, redfish, "
                        + "redfishPort, rollout, store, timeScale)",
                rejection("ipmiPrt: 6230"));
        assertEquals(
                "mqtt.broker: unknown key (known keys: allowAnonymous, bind, bmcId, brokerUrl, password, site, "
                        + "trustStore, trustStorePassword, username)",
                rejection("mqtt:\n  broker: x"));
    }

    @Test
    void hostLinkSelectsDbusAndKeepsTheOpenbmcSectionForItsModule() {
        assertEquals(HostLinkKind.VM, yaml("").hostLink());
        assertEquals(Optional.empty(), yaml("").openbmc());
        AgentConfig c = yaml("hostLink: dbus\nopenbmc:\n  busAddress: unix:path=/run/dbus/system_bus_socket\n");
        assertEquals(HostLinkKind.DBUS, c.hostLink());
        assertEquals(
                "unix:path=/run/dbus/system_bus_socket",
                c.openbmc().orElseThrow().get("busAddress").asText());
        assertEquals(HostLinkKind.VM, yaml("hostLink: vm").hostLink());
    }

    @Test
    void anOpenbmcSectionWithoutTheDbusLinkAndUnknownLinksAreRejected() {
        assertEquals(
                "openbmc: section given but hostLink is vm (set hostLink: dbus to use it)",
                rejection("openbmc:\n  busName: a.b\n"));
        assertEquals("hostLink: 'qemu' is not a host link (allowed: vm, dbus)", rejection("hostLink: qemu"));
        assertEquals(
                "hardware: not with hostLink dbus: sensors and fans then come from D-Bus (openbmc.sensors, "
                        + "openbmc.zones)",
                rejection("hostLink: dbus\nhardware:\n  hwmonRoot: /sys/class/hwmon\n"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ipmiPort: 0           | ipmiPort: 0 is out of range 1..65535",
                "ipmiPort: 65536       | ipmiPort: 65536 is out of range 1..65535",
                "redfishPort: -1       | redfishPort: -1 is out of range 1..65535",
                "mqttPort: 70000       | mqttPort: 70000 is out of range 1..65535",
                "hostPort: 0           | hostPort: 0 is out of range 1..65535",
                "hosts: 0              | hosts: 0 is out of range 1..4096",
                "hosts: 4097           | hosts: 4097 is out of range 1..4096",
                "timeScale: 0          | timeScale: 0.0 is out of range 0.01..1000",
                "timeScale: -2.5       | timeScale: -2.5 is out of range 0.01..1000",
                "bind: localhost       | bind: 'localhost' is not an IP literal (e.g. 127.0.0.1 or ::1)",
                "bind: 10.0.0.300      | bind: '10.0.0.300' is not an IP literal (e.g. 127.0.0.1 or ::1)",
                "ipmiPort: abc         | ipmiPort: 'abc' is not a valid integer",
                "ipmiPort: 6230.5      | ipmiPort: '6230.5' is not a valid integer",
                "hosts: [1, 2]         | hosts: expected integer",
                "store: flash          | store: 'flash' is not a valid StoreKind (allowed: [DISK, MEMORY])",
                "mqtt: 5               | mqtt: expected section (key: value lines)",
            })
    void badValuesAreRejectedNamingKeyAndRange(String yaml, String message) {
        assertEquals(message, rejection(yaml));
    }

    @Test
    void hostPortRangeMustFitAndNotOverlapOtherPorts() {
        assertEquals(
                "hostPort: 65000 + 600 hosts - 1 exceeds 65535 (host i listens on hostPort + i)",
                rejection("hostPort: 65000\nhosts: 600"));
        assertEquals(
                "mqttPort: 9003 lies in the host interface range 9002..9005 (hostPort + host index)",
                rejection("hosts: 4\nmqttPort: 9003"));
        assertEquals("mqttPort: 8443 is also redfishPort (both TCP)", rejection("mqttPort: 8443"));
    }

    @Test
    void adminPasswordMustWorkForIpmi() {
        assertEquals(
                "adminPassword: must be 1..20 printable ASCII characters without spaces (IPMI 2.0 limit)",
                rejection("adminPassword: this-password-is-too-long-for-ipmi"));
        assertEquals(
                "adminPassword: must be 1..20 printable ASCII characters without spaces (IPMI 2.0 limit)",
                rejection("adminPassword: 'has space'"));
    }

    @Test
    void eventDestinationsAreHostsAddressesAndCidrsDefaultLoopback() {
        assertEquals(java.util.List.of("127.0.0.1", "::1"), yaml("").redfish().eventDestinations());
        assertEquals(
                java.util.List.of("collector.example", "198.51.100.0/24"),
                yaml("redfish:\n  eventDestinations: [collector.example, 198.51.100.0/24]\n")
                        .redfish()
                        .eventDestinations());
        assertEquals(
                "redfish.eventDestinations: '198.51.100.0/33' prefix longer than the address",
                rejection("redfish:\n  eventDestinations: ['198.51.100.0/33']\n"));
        assertEquals(
                "redfish.eventDestinations: 'two words' is not a host name, IP address or CIDR block",
                rejection("redfish:\n  eventDestinations: ['two words']\n"));
    }

    @Test
    void bmcNetworkIsReadOnlyUnlessConfiguredAndRelativePathsAreInTheDataDir() {
        assertEquals(Optional.empty(), yaml("").redfish().network());
        BmcNetworkConfig n = yaml("""
                redfish:
                  network:
                    directory: /etc/systemd/network
                    hostnameFile: /etc/hostname
                    reload: [networkctl, reload]
                    setHostname: [hostnamectl, set-hostname, '{hostname}']
                    commandTimeoutSeconds: 5
                """).redfish().network().orElseThrow();
        assertEquals(
                new BmcNetworkConfig(
                        Path.of("/etc/systemd/network"),
                        Path.of("/etc/hostname"),
                        java.util.List.of("networkctl", "reload"),
                        java.util.List.of("hostnamectl", "set-hostname", "{hostname}"),
                        java.time.Duration.ofSeconds(5)),
                n);
        assertEquals(
                DEFAULT_DIR.resolve("net"),
                yaml("""
                redfish:
                  network:
                    directory: net
                    hostnameFile: net/hostname
                """).redfish().network().orElseThrow().directory());
        assertEquals(
                "redfish.network.hostnameFile: is required (e.g. /etc/hostname)",
                rejection("redfish:\n  network:\n    directory: /etc/systemd/network\n"));
        assertEquals("redfish.network.commandTimeoutSeconds: 0.5 s is out of range 1..600 s", rejection("""
                        redfish:
                          network:
                            directory: d
                            hostnameFile: h
                            commandTimeoutSeconds: 0.5
                        """));
        // the demo writes into its data directory and runs nothing, under whatever the options say
        AgentConfig demo =
                PartialConfig.demoDefaults().overriddenBy(loader.parse("")).resolve(DEFAULT_DIR);
        assertEquals(
                BmcNetworkConfig.demo(DEFAULT_DIR), demo.redfish().network().orElseThrow());
    }

    @Test
    void tlsEngineIsOpensslUnlessJdkIsForced() {
        assertEquals(true, yaml("").redfish().openSsl());
        assertEquals(false, yaml("redfish:\n  tlsEngine: jdk\n").redfish().openSsl());
        assertEquals(
                java.util.List.of("127.0.0.1", "::1"),
                yaml("redfish:\n  tlsEngine: jdk\n").redfish().eventDestinations());
        assertEquals(
                "redfish.tlsEngine: 'boringssl': allowed openssl, jdk",
                rejection("redfish:\n  tlsEngine: boringssl\n"));
    }

    @Test
    void alertLimitsAreDurationsPerPhaseWithDefaults() {
        assertEquals(AlertLimits.defaults(), yaml("").alerts());
        AlertLimits a = yaml("alerts:\n  memoryTraining: 90s\n  networkBoot: PT4M\n  preOs: 1h\n  slowBoot: 5m\n")
                .alerts();
        assertEquals(
                new AlertLimits(
                        java.time.Duration.ofSeconds(90),
                        java.time.Duration.ofMinutes(4),
                        java.time.Duration.ofHours(1),
                        java.time.Duration.ofMinutes(5)),
                a);
        assertEquals(
                java.time.Duration.ofSeconds(90),
                dev.bmcagent.agent.runtime.RuntimeOptions.from(yaml("alerts:\n  memoryTraining: 90s\n"))
                        .policy()
                        .memoryTrainingLimit(),
                "the runtime's lifecycle gets the configured limit");
        assertEquals(
                "alerts.preOs: '30' is not a duration (write 90s, 15m, 2h or PT15M)",
                rejection("alerts:\n  preOs: '30'\n"));
        assertEquals(
                "alerts.slowBoot: PT0S is out of range: more than 0 and at most 24h",
                rejection("alerts:\n  slowBoot: 0s\n"));
        assertEquals(
                "alerts.networkBoot: PT48H is out of range: more than 0 and at most 24h",
                rejection("alerts:\n  networkBoot: 48h\n"));
    }

    @Test
    void bootOrderIsAListOfPatternsValidatedAtStart() {
        assertEquals(java.util.List.of(), yaml("").bootOrder());
        assertEquals(
                java.util.List.of(".*HTTPS IPv6.*", "UEFI OS \\(.*\\)"),
                yaml("bootOrder:\n  - '.*HTTPS IPv6.*'\n  - 'UEFI OS \\(.*\\)'\n")
                        .bootOrder());
        // flags have no bootOrder: a file's order stays when flags are layered over it
        assertEquals(
                java.util.List.of(".*PXE.*"),
                loader.parse("bootOrder: ['.*PXE.*']\n")
                        .overriddenBy(PartialConfig.empty())
                        .resolve(DEFAULT_DIR)
                        .bootOrder());
        assertEquals(
                "bootOrder[1]: '.*HTTPS (IPv6.*' is not a regular expression: Unclosed group near index 15",
                rejection("bootOrder: ['.*PXE.*', '.*HTTPS (IPv6.*']\n"));
        assertEquals(
                "bootOrder[0]: must be 1..250 printable ASCII characters (the host interface carries no more)",
                rejection("bootOrder: ['']\n"));
        assertEquals(
                "bootOrder[0]: must be 1..250 printable ASCII characters (the host interface carries no more)",
                rejection("bootOrder: ['" + "a".repeat(251) + "']\n"));
        assertEquals(
                "bootOrder[0]: must be 1..250 printable ASCII characters (the host interface carries no more)",
                rejection("bootOrder: ['caf\u00e9']\n"));
        assertEquals(
                "bootOrder: 65 patterns; at most 64 (a host reports at most 64 boot options)",
                rejection("bootOrder: [" + String.join(",", java.util.Collections.nCopies(65, "a")) + "]\n"));
        assertEquals(
                "a".repeat(250),
                yaml("bootOrder: ['" + "a".repeat(250) + "']\n").bootOrder().get(0));
    }

    @Test
    void brokerUrlMustBeAnMqttUrl() {
        assertEquals(
                "mqtt.brokerUrl: 'http://127.0.0.1' must look like tcp://HOST:PORT or ssl://HOST:PORT",
                rejection("mqtt:\n  brokerUrl: http://127.0.0.1"));
        assertEquals(
                "mqtt.brokerUrl: 'tcp://127.0.0.1' must look like tcp://HOST:PORT or ssl://HOST:PORT",
                rejection("mqtt:\n  brokerUrl: tcp://127.0.0.1"));
    }

    @Test
    void missingFileAndBrokenYamlAreReported() {
        assertEquals(
                "config: file " + tmp.resolve("nope.yaml") + " does not exist",
                assertThrows(ConfigException.class, () -> loader.load(tmp.resolve("nope.yaml")))
                        .getMessage());
        String m = rejection("hosts: [1, 2\n");
        assertEquals(true, m.startsWith("config: not valid YAML") || m.startsWith("hosts:"), m);
    }

    @Test
    void defaultDataDirectoryFollowsEnvThenHomeThenWorkingDirectory() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path cwd = tmp.resolve("cwd");
        assertEquals(Path.of("/srv/x"), DataDirectory.defaultFor(Map.of("BMC_DATA_DIR", "/srv/x"), home, cwd));
        assertEquals(home.resolve(".local/share/bmc-agent"), DataDirectory.defaultFor(Map.of(), home, cwd));
        assertEquals(cwd.resolve("data"), DataDirectory.defaultFor(Map.of(), tmp.resolve("no-such-home"), cwd));
    }

    @Test
    void powerSectionGivesACommandPerActionAndTheTimings() {
        AgentConfig c = yaml("""
                power:
                  on: [qemu-system-x86_64, -daemonize, -name, 'host{host}']
                  off: [sh, -c, 'echo system_powerdown | nc -q1 127.0.0.1 4444']
                  commandTimeoutSeconds: 12
                  cycleOffSeconds: 3.5
                """);
        assertEquals(
                java.util.List.of("qemu-system-x86_64", "-daemonize", "-name", "host{host}"),
                c.power().commands().get(dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction.ON));
        assertEquals(2, c.power().commands().size());
        assertEquals(java.time.Duration.ofSeconds(12), c.power().commandTimeout());
        assertEquals(java.time.Duration.ofMillis(3500), c.power().cycleOffTime());
        assertEquals(PowerConfig.NONE, yaml("hosts: 1\n").power());
    }

    @Test
    void badPowerSectionNamesTheKey() {
        Map<String, String> cases = Map.of(
                "power:\n  cycleOffSeconds: 0.5\n", "power.cycleOffSeconds",
                "power:\n  commandTimeoutSeconds: 601\n", "power.commandTimeoutSeconds",
                "power:\n  on: []\n", "power.on",
                "power:\n  reboot: [x]\n", "power.reboot");
        cases.forEach((text, key) -> {
            String m = rejection(text);
            assertEquals(key, m.substring(0, m.indexOf(':')), m);
        });
    }

    @Test
    void hardwarePowerIsADeprecatedSpellingOfThePowerSection() {
        AgentConfig alias = yaml("""
                hardware:
                  hwmonRoot: /sys/class/hwmon
                  power:
                    timeoutSeconds: 12
                    commands:
                      ON: [gpioset, gpiochip0, 20=1]
                      FORCE_OFF: [host-power, force-off]
                      power_cycle: [host-power, cycle]
                """);
        AgentConfig section = yaml("""
                hardware:
                  hwmonRoot: /sys/class/hwmon
                power:
                  on: [gpioset, gpiochip0, 20=1]
                  off: [host-power, force-off]
                  cycle: [host-power, cycle]
                  commandTimeoutSeconds: 12
                """);
        assertEquals(section.power(), alias.power());
        assertEquals(section.hardware(), alias.hardware()); // the alias is not left in hardware:
        assertEquals(
                "hardware.power: is the deprecated spelling of the power: section; give the commands in power: "
                        + "only",
                rejection("hardware:\n  power:\n    commands:\n      ON: [x]\npower:\n  off: [y]\n"));
        assertEquals(
                "hardware.power.commands.REBOOT: unknown action (ON, FORCE_OFF, GRACEFUL_SHUTDOWN, POWER_CYCLE, "
                        + "HARD_RESET, WARM_RESET, NMI)",
                rejection("hardware:\n  power:\n    commands:\n      REBOOT: [x]\n"));
        assertEquals(
                "power.on (hardware.power.commands.ON): must be a non-empty list: the program and its arguments",
                rejection("hardware:\n  power:\n    commands:\n      ON: []\n"));
        assertEquals(
                "power.commandTimeoutSeconds: 900.0 is out of range 1..600 s",
                rejection("hardware:\n  power:\n    timeoutSeconds: 900\n"));
        assertEquals(
                "hardware.power.timeout: unknown key (known keys: commands, timeoutSeconds)",
                rejection("hardware:\n  power:\n    timeout: 9\n"));
    }

    @Test
    void rolloutSectionDefaultsToTheLocalPolicyAndReadsTheCoordinatorKeys() {
        RolloutConfig d = yaml("mqtt:\n  site: dc1\n").rollout();
        assertEquals(RolloutConfig.local("dc1"), d, "default: no coordinator, the group is the site");
        assertFalse(d.mqtt());
        assertEquals(java.time.Duration.ofMinutes(10), d.answerDeadline());
        assertEquals(DeadlineRebootPermits.Fallback.HOLD, d.onUnreachable(), "default: no reboot without a permit");
        RolloutConfig c = yaml("""
                rollout:
                  permits: mqtt
                  brokerUrl: tcp://127.0.0.1:1884
                  group: rack7
                  answerDeadline: 90s
                  onUnreachable: proceed
                  retry: 2s
                """).rollout();
        assertTrue(c.mqtt());
        assertEquals(Optional.of("tcp://127.0.0.1:1884"), c.brokerUrl());
        assertEquals("rack7", c.group());
        assertEquals(java.time.Duration.ofSeconds(90), c.answerDeadline());
        assertEquals(DeadlineRebootPermits.Fallback.PROCEED, c.onUnreachable());
        assertEquals(java.time.Duration.ofSeconds(2), c.retry());
    }

    @Test
    void rolloutBrokerMayBeTls() {
        assertEquals(
                Optional.of("ssl://coordinator.example:8883"),
                yaml("rollout:\n  permits: mqtt\n  brokerUrl: ssl://coordinator.example:8883\n")
                        .rollout()
                        .brokerUrl());
        assertEquals(
                "rollout.brokerUrl: 'ws://x:80' must be tcp://host:port or ssl://host:port",
                rejection("rollout:\n  brokerUrl: ws://x:80\n"));
    }

    @Test
    void badRolloutSectionNamesTheKey() {
        Map<String, String> cases = Map.of(
                "rollout:\n  permits: coordinator\n", "rollout.permits",
                "rollout:\n  group: 'rack/7'\n", "rollout.group",
                "rollout:\n  brokerUrl: http://x\n", "rollout.brokerUrl",
                "rollout:\n  answerDeadline: 0s\n", "rollout.answerDeadline",
                "rollout:\n  answerDeadline: 25h\n", "rollout.answerDeadline",
                "rollout:\n  onUnreachable: wait\n", "rollout.onUnreachable",
                "rollout:\n  retry: 11m\n", "rollout.retry",
                "rollout:\n  deadline: 1m\n", "rollout.deadline");
        cases.forEach((text, key) -> {
            String m = rejection(text);
            assertEquals(key, m.substring(0, m.indexOf(':')), m);
        });
    }
}
