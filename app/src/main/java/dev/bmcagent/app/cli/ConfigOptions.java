package dev.bmcagent.app.cli;

import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.PartialConfig;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.StoreKind;
import picocli.CommandLine.Option;

/**
 * The flags shared by {@code demo} and {@code agent}; each maps to the YAML key named in its description.
 * Unset flags stay null so that a config file's values are not masked by defaults.
 */
final class ConfigOptions {
    @Option(
            names = "--hosts",
            paramLabel = "N",
            description = "number of hosts, 1.." + AgentConfig.MAX_HOSTS + " (key hosts; default: "
                    + AgentConfig.DEFAULT_HOSTS + ")")
    Integer hosts;

    @Option(
            names = "--bind",
            paramLabel = "IP",
            description = "IP literal of every listener without its own bind below (key bind; default: "
                    + AgentConfig.DEFAULT_BIND + "); a non-loopback host interface is still refused")
    String bind;

    @Option(
            names = "--ipmi-bind",
            paramLabel = "IP",
            description = "IP literal IPMI RMCP+ listens on (key ipmi.bind; default: bind)")
    String ipmiBind;

    @Option(
            names = "--redfish-bind",
            paramLabel = "IP",
            description = "IP literal Redfish listens on (key redfish.bind; default: bind)")
    String redfishBind;

    @Option(
            names = "--host-interface-bind",
            paramLabel = "IP",
            description = "IP literal the host interface listens on; must be loopback unless "
                    + "--allow-remote-host-interface (key hostInterface.bind; default: bind)")
    String hostInterfaceBind;

    @Option(
            names = "--allow-remote-host-interface",
            description = "permit a non-loopback host interface address: the host interface is unauthenticated, "
                    + "use only over a link you trust (key hostInterface.allowRemote; default: false)")
    Boolean allowRemoteHostInterface;

    @Option(
            names = "--mqtt-bind",
            paramLabel = "IP",
            description = "IP literal the demo's embedded MQTT broker listens on; off loopback it requires the "
                    + "generated credentials (key mqtt.bind; default: bind)")
    String mqttBind;

    @Option(
            names = "--ipmi-port",
            paramLabel = "PORT",
            description = "IPMI RMCP+ UDP port (key ipmiPort; default: " + AgentConfig.DEFAULT_IPMI_PORT + ")")
    Integer ipmiPort;

    @Option(
            names = "--redfish-port",
            paramLabel = "PORT",
            description = "Redfish HTTPS port (key redfishPort; default: " + AgentConfig.DEFAULT_REDFISH_PORT + ")")
    Integer redfishPort;

    @Option(
            names = "--mqtt-port",
            paramLabel = "PORT",
            description = "embedded MQTT broker port (key mqttPort; default: " + AgentConfig.DEFAULT_MQTT_PORT + ")")
    Integer mqttPort;

    @Option(
            names = "--host-port",
            paramLabel = "PORT",
            description = "host interface TCP port of host 0; host i uses PORT+i (key hostPort; default: "
                    + AgentConfig.DEFAULT_HOST_PORT + ")")
    Integer hostPort;

    @Option(
            names = "--admin-password",
            paramLabel = "PASSWORD",
            description = "password of user admin, 1..20 printable ASCII (key adminPassword; default: generated "
                    + "on first start, printed once, kept in DIR/admin-password)")
    String adminPassword;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "directory for all state (key dataDir; default: $BMC_DATA_DIR, else "
                    + "~/.local/share/bmc-agent if the home directory is writable, else ./data)")
    String dataDir;

    @Option(
            names = "--time-scale",
            paramLabel = "FACTOR",
            description = "simulated seconds per real second, 0.01..1000 (key timeScale; default: "
                    + AgentConfig.DEFAULT_TIME_SCALE + ")")
    Double timeScale;

    @Option(
            names = "--store",
            paramLabel = "KIND",
            description = "DISK (journals in DIR) or MEMORY (key store; default: DISK)")
    StoreKind store;

    @Option(
            names = "--fsync",
            paramLabel = "POLICY",
            description = "when journals fsync: NEVER (survives kill -9), BATCH (group commit every 10 ms, "
                    + "survives power loss but the last interval), ALWAYS (key fsync; default: NEVER)")
    FsyncPolicy fsync;

    @Option(
            names = "--mqtt-broker",
            paramLabel = "URL",
            description = "external MQTT broker, e.g. tcp://127.0.0.1:1883 (key mqtt.brokerUrl; default: "
                    + "the embedded broker)")
    String mqttBroker;

    @Option(
            names = "--event-destination",
            paramLabel = "HOST|CIDR",
            split = ",",
            description = "where Redfish push subscriptions may deliver: host names, IP addresses, CIDR blocks; "
                    + "repeat or comma-separate (key redfish.eventDestinations; default: 127.0.0.1,::1). "
                    + "Link-local and cloud-metadata addresses are always refused")
    java.util.List<String> eventDestinations;

    @Option(
            names = "--stuck-memory-training",
            paramLabel = "DURATION",
            description = "stuck-pre-os alert after this long in memory training, e.g. 15m (key "
                    + "alerts.memoryTraining; default: 15m)")
    String stuckMemoryTraining;

    @Option(
            names = "--stuck-network-boot",
            paramLabel = "DURATION",
            description = "stuck-pre-os alert after this long in network boot (key alerts.networkBoot; default: 10m)")
    String stuckNetworkBoot;

    @Option(
            names = "--stuck-pre-os",
            paramLabel = "DURATION",
            description = "stuck-pre-os alert when a boot has not reached the OS after this long (key alerts.preOs; "
                    + "default: 30m)")
    String stuckPreOs;

    @Option(
            names = "--slow-boot",
            paramLabel = "DURATION",
            description = "slow-boot alert when one boot loses more than this to dead network-boot interfaces "
                    + "(key alerts.slowBoot; default: 2m)")
    String slowBoot;

    @Option(
            names = "--power-cycle-off-seconds",
            paramLabel = "SECONDS",
            description = "power cycle: how long the host stays off before it is powered on again, 1..600 "
                    + "(key power.cycleOffSeconds; default: 2)")
    Double powerCycleOffSeconds;

    @Option(
            names = "--power-command-timeout-seconds",
            paramLabel = "SECONDS",
            description = "how long a power command (power.on, power.off...) may run before it is killed, "
                    + "1..600 (key power.commandTimeoutSeconds; default: 30)")
    Double powerCommandTimeoutSeconds;

    @Option(
            names = "--rollout-permits",
            paramLabel = "local|mqtt",
            description = "ask a reboot-permit coordinator over MQTT before a reboot the agent triggers itself, and "
                    + "accept campaign updates (key rollout.permits; default: local, reboot at once)")
    String rolloutPermits;

    @Option(
            names = "--rollout-answer-deadline",
            paramLabel = "DURATION",
            description = "how long to wait for the coordinator's answer before applying rollout.onUnreachable "
                    + "(key rollout.answerDeadline; default: 10m)")
    String rolloutAnswerDeadline;

    @Option(
            names = "--rollout-on-unreachable",
            paramLabel = "hold|proceed",
            description = "what to do when the coordinator does not answer in time (key rollout.onUnreachable; "
                    + "default: hold, no reboot without a permit)")
    String rolloutOnUnreachable;

    @Option(
            names = "--tls-engine",
            paramLabel = "ENGINE",
            description = "Redfish TLS: openssl (netty-tcnative BoringSSL when it loads, else the JDK's) or jdk "
                    + "(always the JDK's SSLEngine) (key redfish.tlsEngine; default: openssl)")
    String tlsEngine;

    @Option(
            names = "--sel-prefill",
            paramLabel = "N",
            description = "benchmarks only: append N boot-like system event records to every host's SEL before "
                    + "serving (scripts/bench/ipmi.sh --target agent uses 1000, the anchor's SEL); 0.."
                    + dev.bmcagent.agent.runtime.RuntimeOptions.DEFAULT_SEL_CAPACITY + " (no YAML key; default 0)")
    Integer selPrefill;

    /** {@code --sel-prefill}, checked (0 when not given). */
    int selPrefill() {
        int n = selPrefill == null ? 0 : selPrefill;
        if (n < 0 || n > dev.bmcagent.agent.runtime.RuntimeOptions.DEFAULT_SEL_CAPACITY) {
            throw new dev.bmcagent.agent.config.ConfigException(
                    "--sel-prefill",
                    n + " is outside 0.." + dev.bmcagent.agent.runtime.RuntimeOptions.DEFAULT_SEL_CAPACITY
                            + " (the SEL's capacity)");
        }
        return n;
    }

    PartialConfig toPartial() {
        return PartialConfig.builder()
                .hosts(hosts)
                .bind(bind)
                .ipmiPort(ipmiPort)
                .redfishPort(redfishPort)
                .mqttPort(mqttPort)
                .hostPort(hostPort)
                .adminPassword(adminPassword)
                .dataDir(dataDir)
                .timeScale(timeScale)
                .store(store)
                .fsync(fsync)
                .mqtt(
                        mqttBroker == null && mqttBind == null
                                ? null
                                : new PartialConfig.PartialMqtt(
                                        mqttBroker, null, null, mqttBind, null, null, null, null, null))
                .ipmi(ipmiBind == null ? null : new PartialConfig.PartialIpmi(ipmiBind, null, null))
                .redfish(
                        redfishBind == null && eventDestinations == null && tlsEngine == null
                                ? null
                                : new PartialConfig.PartialRedfish(redfishBind, eventDestinations, null, tlsEngine))
                .hostInterface(
                        hostInterfaceBind == null && allowRemoteHostInterface == null
                                ? null
                                : new PartialConfig.PartialHostInterface(
                                        hostInterfaceBind, allowRemoteHostInterface, null))
                .alerts(
                        stuckMemoryTraining == null
                                        && stuckNetworkBoot == null
                                        && stuckPreOs == null
                                        && slowBoot == null
                                ? null
                                : new PartialConfig.PartialAlerts(
                                        stuckMemoryTraining, stuckNetworkBoot, stuckPreOs, slowBoot))
                .power(
                        powerCycleOffSeconds == null && powerCommandTimeoutSeconds == null
                                ? null
                                : new PartialConfig.PartialPower(
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        powerCommandTimeoutSeconds,
                                        powerCycleOffSeconds))
                .rollout(
                        rolloutPermits == null && rolloutAnswerDeadline == null && rolloutOnUnreachable == null
                                ? null
                                : new PartialConfig.PartialRollout(
                                        rolloutPermits, null, null, rolloutAnswerDeadline, rolloutOnUnreachable, null))
                .build();
    }
}
