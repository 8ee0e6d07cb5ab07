package dev.bmcagent.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.StoreKind;
import dev.bmcagent.redfish.RedfishOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Configuration as written in a YAML file or given as flags: every field optional (null = not given).
 * {@link #overriddenBy} layers flags over a file; {@link #resolve} fills defaults and validates.
 * The YAML keys are exactly these component names; code (flags, tests) names the keys it gives with
 * {@link #builder}.
 */
public record PartialConfig(
        Integer hosts,
        String bind,
        Integer ipmiPort,
        Integer redfishPort,
        Integer mqttPort,
        Integer hostPort,
        String adminPassword,
        String dataDir,
        Double timeScale,
        StoreKind store,
        FsyncPolicy fsync,
        PartialMqtt mqtt,
        PartialIpmi ipmi,
        PartialRedfish redfish,
        PartialHostInterface hostInterface,
        HostLinkKind hostLink,
        JsonNode openbmc,
        JsonNode hardware,
        PartialAlerts alerts,
        PartialPower power,
        PartialRollout rollout,
        List<String> bootOrder) {

    /** The {@code rollout:} section, see {@link RolloutConfig}. */
    public record PartialRollout(
            String permits, String brokerUrl, String group, String answerDeadline, String onUnreachable, String retry) {
        PartialRollout overriddenBy(PartialRollout over) {
            return over == null
                    ? this
                    : new PartialRollout(
                            pick(over.permits, permits),
                            pick(over.brokerUrl, brokerUrl),
                            pick(over.group, group),
                            pick(over.answerDeadline, answerDeadline),
                            pick(over.onUnreachable, onUnreachable),
                            pick(over.retry, retry));
        }

        RolloutConfig resolve(String site) {
            return new RolloutConfig(
                    pick(permits, RolloutConfig.LOCAL),
                    java.util.Optional.ofNullable(brokerUrl),
                    pick(group, site),
                    pick(
                            AlertLimits.parse("rollout.answerDeadline", answerDeadline),
                            RolloutConfig.DEFAULT_ANSWER_DEADLINE),
                    RolloutConfig.fallback(onUnreachable),
                    pick(AlertLimits.parse("rollout.retry", retry), RolloutConfig.DEFAULT_RETRY));
        }
    }

    /** The {@code alerts:} section: durations as written ({@code 15m}, {@code PT15M}), see {@link AlertLimits}. */
    public record PartialAlerts(String memoryTraining, String networkBoot, String preOs, String slowBoot) {
        PartialAlerts overriddenBy(PartialAlerts over) {
            return over == null
                    ? this
                    : new PartialAlerts(
                            pick(over.memoryTraining, memoryTraining),
                            pick(over.networkBoot, networkBoot),
                            pick(over.preOs, preOs),
                            pick(over.slowBoot, slowBoot));
        }

        AlertLimits resolve() {
            AlertLimits d = AlertLimits.defaults();
            return new AlertLimits(
                    pick(AlertLimits.parse("alerts.memoryTraining", memoryTraining), d.memoryTraining()),
                    pick(AlertLimits.parse("alerts.networkBoot", networkBoot), d.networkBoot()),
                    pick(AlertLimits.parse("alerts.preOs", preOs), d.preOs()),
                    pick(AlertLimits.parse("alerts.slowBoot", slowBoot), d.slowBoot()));
        }
    }

    /** The {@code mqtt:} section. */
    public record PartialMqtt(
            String brokerUrl,
            String site,
            String bmcId,
            String bind,
            Boolean allowAnonymous,
            String username,
            String password,
            String trustStore,
            String trustStorePassword) {
        /** This section with every value {@code over} sets replacing ours. */
        PartialMqtt overriddenBy(PartialMqtt over) {
            return over == null
                    ? this
                    : new PartialMqtt(
                            pick(over.brokerUrl, brokerUrl),
                            pick(over.site, site),
                            pick(over.bmcId, bmcId),
                            pick(over.bind, bind),
                            pick(over.allowAnonymous, allowAnonymous),
                            pick(over.username, username),
                            pick(over.password, password),
                            pick(over.trustStore, trustStore),
                            pick(over.trustStorePassword, trustStorePassword));
        }
    }

    /** The {@code ipmi:} section: where RMCP+ binds, and the maker and model Get Device ID reports. */
    public record PartialIpmi(String bind, Integer manufacturerId, Integer productId) {
        PartialIpmi overriddenBy(PartialIpmi over) {
            return over == null
                    ? this
                    : new PartialIpmi(
                            pick(over.bind, bind),
                            pick(over.manufacturerId, manufacturerId),
                            pick(over.productId, productId));
        }

        IpmiIdentity identity() {
            return new IpmiIdentity(pick(manufacturerId, 0), pick(productId, 0));
        }
    }

    /** The {@code redfish:} section: where it binds, where push subscriptions may deliver. */
    public record PartialRedfish(
            String bind, java.util.List<String> eventDestinations, PartialNetwork network, String tlsEngine) {
        PartialRedfish overriddenBy(PartialRedfish over) {
            return over == null
                    ? this
                    : new PartialRedfish(
                            pick(over.bind, bind),
                            pick(over.eventDestinations, eventDestinations),
                            pick(over.network, network),
                            pick(over.tlsEngine, tlsEngine));
        }

        RedfishConfig resolve(Path dataDir) {
            java.util.List<String> dest =
                    eventDestinations == null ? RedfishOptions.DEFAULT_EVENT_DESTINATION_HOSTS : eventDestinations;
            return new RedfishConfig(
                    dest,
                    network == null ? Optional.empty() : Optional.of(network.resolve(dataDir)),
                    pick(tlsEngine, RedfishConfig.TLS_OPENSSL));
        }
    }

    /** The {@code redfish.network:} section, see {@link BmcNetworkConfig}. */
    public record PartialNetwork(
            String directory,
            String hostnameFile,
            java.util.List<String> reload,
            java.util.List<String> setHostname,
            Double commandTimeoutSeconds) {
        BmcNetworkConfig resolve(Path dataDir) {
            if (directory == null || directory.isBlank()) {
                throw new ConfigException("redfish.network.directory", "is required (e.g. /etc/systemd/network)");
            }
            if (hostnameFile == null || hostnameFile.isBlank()) {
                throw new ConfigException("redfish.network.hostnameFile", "is required (e.g. /etc/hostname)");
            }
            return new BmcNetworkConfig(
                    dataDir.resolve(directory),
                    dataDir.resolve(hostnameFile),
                    reload == null ? java.util.List.of() : reload,
                    setHostname == null ? java.util.List.of() : setHostname,
                    seconds(
                            "redfish.network.commandTimeoutSeconds",
                            commandTimeoutSeconds,
                            BmcNetworkConfig.DEFAULT_COMMAND_TIMEOUT));
        }
    }

    /** The {@code hostInterface:} section. */
    public record PartialHostInterface(String bind, Boolean allowRemote, java.util.List<String> allowedPeers) {
        PartialHostInterface overriddenBy(PartialHostInterface over) {
            return over == null
                    ? this
                    : new PartialHostInterface(
                            pick(over.bind, bind),
                            pick(over.allowRemote, allowRemote),
                            pick(over.allowedPeers, allowedPeers));
        }
    }

    /**
     * The {@code power:} section: a command (argv list) per action and the timing, see {@link PowerConfig}.
     */
    public record PartialPower(
            List<String> on,
            List<String> off,
            List<String> gracefulShutdown,
            List<String> cycle,
            List<String> reset,
            List<String> warmReset,
            List<String> nmi,
            Double commandTimeoutSeconds,
            Double cycleOffSeconds) {
        PartialPower overriddenBy(PartialPower over) {
            return over == null
                    ? this
                    : new PartialPower(
                            pick(over.on, on),
                            pick(over.off, off),
                            pick(over.gracefulShutdown, gracefulShutdown),
                            pick(over.cycle, cycle),
                            pick(over.reset, reset),
                            pick(over.warmReset, warmReset),
                            pick(over.nmi, nmi),
                            pick(over.commandTimeoutSeconds, commandTimeoutSeconds),
                            pick(over.cycleOffSeconds, cycleOffSeconds));
        }

        PowerConfig resolve() {
            Map<PowerAction, List<String>> commands = new EnumMap<>(PowerAction.class);
            put(commands, PowerAction.ON, on);
            put(commands, PowerAction.FORCE_OFF, off);
            put(commands, PowerAction.GRACEFUL_SHUTDOWN, gracefulShutdown);
            put(commands, PowerAction.POWER_CYCLE, cycle);
            put(commands, PowerAction.HARD_RESET, reset);
            put(commands, PowerAction.WARM_RESET, warmReset);
            put(commands, PowerAction.NMI, nmi);
            return new PowerConfig(
                    commands,
                    seconds("power.commandTimeoutSeconds", commandTimeoutSeconds, PowerConfig.DEFAULT_COMMAND_TIMEOUT),
                    seconds("power.cycleOffSeconds", cycleOffSeconds, PowerConfig.DEFAULT_CYCLE_OFF_TIME));
        }

        private static void put(Map<PowerAction, List<String>> m, PowerAction a, List<String> argv) {
            if (argv != null) {
                m.put(a, argv);
            }
        }
    }

    /**
     * The deprecated {@code hardware.power} spelling ({@code commands} keyed by action enum name, {@code
     * timeoutSeconds}) as the {@code power:} section it stands for; the keys it had map one to one (ON → on,
     * FORCE_OFF → off, GRACEFUL_SHUTDOWN → gracefulShutdown, POWER_CYCLE → cycle, HARD_RESET → reset, WARM_RESET →
     * warmReset, NMI → nmi; timeoutSeconds → commandTimeoutSeconds).
     */
    static PartialPower hardwarePowerAlias(JsonNode alias) {
        if (!alias.isObject()) {
            throw new ConfigException("hardware.power", "must be a section (commands, timeoutSeconds)");
        }
        Map<String, List<String>> commands = new java.util.HashMap<>();
        Double timeout = null;
        for (var f : alias.properties()) {
            switch (f.getKey()) {
                case "timeoutSeconds" -> {
                    if (!f.getValue().isNumber()) {
                        throw new ConfigException("hardware.power.timeoutSeconds", "must be a number of seconds");
                    }
                    timeout = f.getValue().asDouble();
                }
                case "commands" -> {
                    if (!f.getValue().isObject()) {
                        throw new ConfigException("hardware.power.commands", "must map actions to argv lists");
                    }
                    for (var e : f.getValue().properties()) {
                        PowerAction a;
                        try {
                            a = PowerAction.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
                        } catch (IllegalArgumentException ex) {
                            throw new ConfigException(
                                    "hardware.power.commands." + e.getKey(),
                                    "unknown action "
                                            + "(ON, FORCE_OFF, GRACEFUL_SHUTDOWN, POWER_CYCLE, HARD_RESET, WARM_RESET, NMI)");
                        }
                        List<String> argv = new java.util.ArrayList<>();
                        if (!e.getValue().isArray()) {
                            throw new ConfigException(
                                    "hardware.power.commands." + e.getKey(),
                                    "must be a list: " + "the program and its arguments");
                        }
                        e.getValue().forEach(x -> argv.add(x.isTextual() || x.isNumber() ? x.asText() : null));
                        if (argv.isEmpty() || argv.contains(null) || argv.get(0).isBlank()) {
                            throw new ConfigException(
                                    "power." + PowerConfig.key(a) + " (hardware.power.commands." + e.getKey() + ")",
                                    "must be a non-empty list: the program and its arguments");
                        }
                        commands.put(PowerConfig.key(a), argv);
                    }
                }
                default ->
                    throw new ConfigException(
                            "hardware.power." + f.getKey(), "unknown key (known keys: " + "commands, timeoutSeconds)");
            }
        }
        return new PartialPower(
                commands.get("on"),
                commands.get("off"),
                commands.get("gracefulShutdown"),
                commands.get("cycle"),
                commands.get("reset"),
                commands.get("warmReset"),
                commands.get("nmi"),
                timeout,
                null);
    }

    /**
     * What {@code bmc demo} puts under its options: the BMC's network writable over Redfish into files in the data
     * directory ({@code network/50-bmc-agent-<if>.network}, {@code network/hostname}) with no command run, so the
     * demo never reconfigures the machine it runs on.
     */
    public static PartialConfig demoDefaults() {
        return builder()
                .redfish(new PartialRedfish(
                        null, null, new PartialNetwork("network", "network/hostname", null, null, null), null))
                .build();
    }

    /** No key given: {@link #resolve} makes it the defaults. */
    public static PartialConfig empty() {
        return builder().build();
    }

    /** A layer written in code (command-line flags, tests): name the keys it gives, the others stay unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets keys by name; each setter takes the component of the same name (null: not given). */
    public static final class Builder {
        private Integer hosts;
        private String bind;
        private Integer ipmiPort;
        private Integer redfishPort;
        private Integer mqttPort;
        private Integer hostPort;
        private String adminPassword;
        private String dataDir;
        private Double timeScale;
        private StoreKind store;
        private FsyncPolicy fsync;
        private PartialMqtt mqtt;
        private PartialIpmi ipmi;
        private PartialRedfish redfish;
        private PartialHostInterface hostInterface;
        private HostLinkKind hostLink;
        private JsonNode openbmc;
        private JsonNode hardware;
        private PartialAlerts alerts;
        private PartialPower power;
        private PartialRollout rollout;
        private List<String> bootOrder;

        private Builder() {}

        public Builder hosts(Integer hosts) {
            this.hosts = hosts;
            return this;
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        public Builder ipmiPort(Integer ipmiPort) {
            this.ipmiPort = ipmiPort;
            return this;
        }

        public Builder redfishPort(Integer redfishPort) {
            this.redfishPort = redfishPort;
            return this;
        }

        public Builder mqttPort(Integer mqttPort) {
            this.mqttPort = mqttPort;
            return this;
        }

        public Builder hostPort(Integer hostPort) {
            this.hostPort = hostPort;
            return this;
        }

        public Builder adminPassword(String adminPassword) {
            this.adminPassword = adminPassword;
            return this;
        }

        public Builder dataDir(String dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder timeScale(Double timeScale) {
            this.timeScale = timeScale;
            return this;
        }

        public Builder store(StoreKind store) {
            this.store = store;
            return this;
        }

        public Builder fsync(FsyncPolicy fsync) {
            this.fsync = fsync;
            return this;
        }

        public Builder mqtt(PartialMqtt mqtt) {
            this.mqtt = mqtt;
            return this;
        }

        public Builder ipmi(PartialIpmi ipmi) {
            this.ipmi = ipmi;
            return this;
        }

        public Builder redfish(PartialRedfish redfish) {
            this.redfish = redfish;
            return this;
        }

        public Builder hostInterface(PartialHostInterface hostInterface) {
            this.hostInterface = hostInterface;
            return this;
        }

        public Builder hostLink(HostLinkKind hostLink) {
            this.hostLink = hostLink;
            return this;
        }

        public Builder openbmc(JsonNode openbmc) {
            this.openbmc = openbmc;
            return this;
        }

        public Builder hardware(JsonNode hardware) {
            this.hardware = hardware;
            return this;
        }

        public Builder alerts(PartialAlerts alerts) {
            this.alerts = alerts;
            return this;
        }

        public Builder power(PartialPower power) {
            this.power = power;
            return this;
        }

        public Builder rollout(PartialRollout rollout) {
            this.rollout = rollout;
            return this;
        }

        public Builder bootOrder(List<String> bootOrder) {
            this.bootOrder = bootOrder;
            return this;
        }

        public PartialConfig build() {
            return new PartialConfig(
                    hosts,
                    bind,
                    ipmiPort,
                    redfishPort,
                    mqttPort,
                    hostPort,
                    adminPassword,
                    dataDir,
                    timeScale,
                    store,
                    fsync,
                    mqtt,
                    ipmi,
                    redfish,
                    hostInterface,
                    hostLink,
                    openbmc,
                    hardware,
                    alerts,
                    power,
                    rollout,
                    bootOrder);
        }
    }

    /** This configuration with every value {@code over} sets replacing ours. */
    public PartialConfig overriddenBy(PartialConfig over) {
        return new PartialConfig(
                pick(over.hosts, hosts),
                pick(over.bind, bind),
                pick(over.ipmiPort, ipmiPort),
                pick(over.redfishPort, redfishPort),
                pick(over.mqttPort, mqttPort),
                pick(over.hostPort, hostPort),
                pick(over.adminPassword, adminPassword),
                pick(over.dataDir, dataDir),
                pick(over.timeScale, timeScale),
                pick(over.store, store),
                pick(over.fsync, fsync),
                mqtt == null ? over.mqtt : mqtt.overriddenBy(over.mqtt),
                ipmi == null ? over.ipmi : ipmi.overriddenBy(over.ipmi),
                redfish == null ? over.redfish : redfish.overriddenBy(over.redfish),
                hostInterface == null ? over.hostInterface : hostInterface.overriddenBy(over.hostInterface),
                pick(over.hostLink, hostLink),
                pick(over.openbmc, openbmc),
                pick(over.hardware, hardware),
                alerts == null ? over.alerts : alerts.overriddenBy(over.alerts),
                power == null ? over.power : power.overriddenBy(over.power),
                rollout == null ? over.rollout : rollout.overriddenBy(over.rollout),
                pick(over.bootOrder, bootOrder));
    }

    /**
     * Fills defaults and validates. A listener without its own {@code bind} takes the top-level {@code bind}
     * (itself loopback by default), from whichever layer set it: a listener's own key always wins.
     *
     * @param defaultDataDir used when no dataDir is given (see {@link DataDirectory})
     * @throws ConfigException naming the first bad key
     */
    public AgentConfig resolve(Path defaultDataDir) {
        Path dir;
        if (dataDir != null && dataDir.isBlank()) {
            throw new ConfigException("dataDir", "is empty (it would mean the working directory); give a path");
        }
        try {
            dir = dataDir == null ? defaultDataDir : Path.of(dataDir);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException("dataDir", "'" + dataDir + "' is not a path: " + e.getReason());
        }
        String all = pick(bind, AgentConfig.DEFAULT_BIND);
        Listeners.checkLiteral("bind", all);
        PartialMqtt m = mqtt == null ? new PartialMqtt(null, null, null, null, null, null, null, null, null) : mqtt;
        Listeners listeners = new Listeners(
                pick(ipmi == null ? null : ipmi.bind, all),
                pick(redfish == null ? null : redfish.bind, all),
                pick(hostInterface == null ? null : hostInterface.bind, all),
                pick(m.bind, all),
                hostInterface != null && Boolean.TRUE.equals(hostInterface.allowRemote),
                hostInterface == null || hostInterface.allowedPeers == null
                        ? Listeners.LOOPBACK_PEERS
                        : hostInterface.allowedPeers);
        MqttConfig mqttConfig = new MqttConfig(
                m.brokerUrl,
                pick(m.site, MqttConfig.DEFAULT_SITE),
                pick(m.bmcId, MqttConfig.DEFAULT_BMC_ID),
                pick(m.allowAnonymous, m.brokerUrl == null && Listeners.isLoopback(listeners.mqtt())),
                m.username,
                m.password,
                m.trustStore,
                m.trustStorePassword);
        // hardware.power: the deprecated spelling of the power: section (one power-command configuration)
        JsonNode hw = hardware == null || hardware.isNull() ? null : hardware;
        PartialPower powerSection = power;
        if (hw != null && hw.has("power")) {
            if (power != null) {
                throw new ConfigException(
                        "hardware.power",
                        "is the deprecated spelling of the power: section; " + "give the commands in power: only");
            }
            powerSection = hardwarePowerAlias(hw.get("power"));
            LoggerFactory.getLogger(PartialConfig.class)
                    .warn("hardware.power is deprecated: write it as the power: "
                            + "section (on, off, gracefulShutdown, cycle, reset, warmReset, nmi, commandTimeoutSeconds); "
                            + "used as power: now");
            hw = ((com.fasterxml.jackson.databind.node.ObjectNode) hw.deepCopy()).without("power");
        }
        return new AgentConfig(
                pick(hosts, AgentConfig.DEFAULT_HOSTS),
                all,
                pick(ipmiPort, AgentConfig.DEFAULT_IPMI_PORT),
                pick(redfishPort, AgentConfig.DEFAULT_REDFISH_PORT),
                pick(mqttPort, AgentConfig.DEFAULT_MQTT_PORT),
                pick(hostPort, AgentConfig.DEFAULT_HOST_PORT),
                Optional.ofNullable(adminPassword),
                dir,
                pick(timeScale, AgentConfig.DEFAULT_TIME_SCALE),
                pick(store, AgentConfig.DEFAULT_STORE),
                pick(fsync, AgentConfig.DEFAULT_FSYNC),
                mqttConfig,
                listeners,
                redfish == null ? RedfishConfig.defaults() : redfish.resolve(dir),
                pick(hostLink, HostLinkKind.VM),
                openbmc == null || openbmc.isNull() ? Optional.empty() : Optional.of(openbmc),
                Optional.ofNullable(hw),
                alerts == null ? AlertLimits.defaults() : alerts.resolve(),
                powerSection == null ? PowerConfig.NONE : powerSection.resolve(),
                rollout == null ? RolloutConfig.local(mqttConfig.site()) : rollout.resolve(mqttConfig.site()),
                bootOrder == null ? List.of() : bootOrder,
                ipmi == null ? IpmiIdentity.UNKNOWN : ipmi.identity());
    }

    /** Seconds as written ({@code null}: {@code fallback}), within the power commands' range, as a duration. */
    private static Duration seconds(String key, Double s, Duration fallback) {
        if (s == null) {
            return fallback;
        }
        if (!Double.isFinite(s) || s < 0 || s > PowerConfig.MAX.toSeconds()) {
            throw new ConfigException(
                    key,
                    s + " is out of range " + PowerConfig.MIN.toSeconds() + ".." + PowerConfig.MAX.toSeconds() + " s");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static <T> T pick(T first, T fallback) {
        return first != null ? first : fallback;
    }
}
