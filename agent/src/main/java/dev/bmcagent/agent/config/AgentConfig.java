package dev.bmcagent.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.journal.FsyncPolicy;
import dev.bmcagent.journal.StoreKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's validated configuration. Every command-line flag has a YAML key of the same meaning
 * (see {@link PartialConfig} and docs/CONFIGURATION.md). Defaults are the constants below.
 * Every rejection is a {@link ConfigException} naming the key and the allowed range.
 *
 * <p>{@link PartialConfig#resolve} is the one place that fills defaults, so code and tests build a configuration
 * the way the agent does: {@code PartialConfig.builder().ipmiPort(p).build().resolve(dataDir)}.
 *
 * @param hosts          number of hosts this agent manages (1..4096)
 * @param bind           IP literal of every listener that has no bind of its own (see {@link Listeners})
 * @param ipmiPort       IPMI RMCP+ UDP port (623 in production)
 * @param redfishPort    Redfish HTTPS port
 * @param mqttPort       embedded MQTT broker port
 * @param hostPort       host interface TCP port of host 0; host i listens on hostPort + i
 * @param adminPassword  the admin account's password; empty: generated on first start (see AdminPassword)
 * @param dataDir        where all state lives
 * @param timeScale      simulated seconds per real second (0.01..1000)
 * @param store          DISK (journals in dataDir) or MEMORY
 * @param fsync          when journals fsync (NEVER: kill -9 safe; BATCH / ALWAYS: also power-loss safe)
 * @param mqtt           MQTT settings
 * @param listeners      where each listener binds
 * @param redfish        Redfish settings (push-subscription destinations)
 * @param hostLink       where host signals come from and power actions go: the VM protocol (default) or a
 *                       provider named by {@link HostLinkKind} on the classpath (OpenBMC D-Bus: module openbmc)
 * @param openbmc        the {@code openbmc:} section as written (validated by the D-Bus provider); empty if absent
 * @param hardware       the {@code hardware:} section as written (hwmon sensors and fans of host0, validated by
 *                       {@code runtime.HwmonHardware}); empty if absent: no sensors, no fans
 * @param alerts         stuck and slow-boot limits (the {@code alerts:} section)
 * @param power          the host power backend ({@code power:} section)
 * @param rollout        reboot permits and campaign updates ({@code rollout:} section)
 * @param bootOrder      the declared boot order every host gets at start ({@code bootOrder:}): Java regular
 *                       expressions, most preferred first, each matched against whole boot option names (e.g.
 *                       {@code .*HTTPS IPv6.*}); empty: none declared (Redfish may declare one)
 * @param ipmiIdentity   the Manufacturer and Product ID Get Device ID reports ({@code ipmi.manufacturerId},
 *                       {@code ipmi.productId}); unknown (0) by default
 */
public record AgentConfig(
        int hosts,
        String bind,
        int ipmiPort,
        int redfishPort,
        int mqttPort,
        int hostPort,
        Optional<String> adminPassword,
        Path dataDir,
        double timeScale,
        StoreKind store,
        FsyncPolicy fsync,
        MqttConfig mqtt,
        Listeners listeners,
        RedfishConfig redfish,
        HostLinkKind hostLink,
        Optional<JsonNode> openbmc,
        Optional<JsonNode> hardware,
        AlertLimits alerts,
        PowerConfig power,
        RolloutConfig rollout,
        List<String> bootOrder,
        IpmiIdentity ipmiIdentity) {
    public static final int DEFAULT_HOSTS = 1;
    public static final int MAX_HOSTS = 4096;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_IPMI_PORT = 6230;
    public static final int DEFAULT_REDFISH_PORT = 8443;
    public static final int DEFAULT_MQTT_PORT = 1883;
    public static final int DEFAULT_HOST_PORT = 9002;
    public static final double DEFAULT_TIME_SCALE = 1.0;
    /** Slower than 1/100 real time, a simulated boot takes days; below it timer arithmetic underflows. */
    public static final double MIN_TIME_SCALE = 0.01;
    /** Faster than 1000x, one 20 ms pacer tick is over 20 simulated seconds: boot phases blur into one tick. */
    public static final double MAX_TIME_SCALE = 1000;

    public static final StoreKind DEFAULT_STORE = StoreKind.DISK;
    public static final FsyncPolicy DEFAULT_FSYNC = FsyncPolicy.NEVER;
    /** Declared patterns at most: a host reports at most 64 boot options (OEM 30h/11h); each pattern must match one. */
    public static final int MAX_BOOT_ORDER_PATTERNS = 64;
    /** Bytes per pattern at most: a longer one cannot reach the host (OEM 30h/12h carries at most 250). */
    public static final int MAX_BOOT_ORDER_PATTERN_LENGTH = 250;

    public AgentConfig {
        Objects.requireNonNull(redfish, "redfish");
        Objects.requireNonNull(ipmiIdentity, "ipmiIdentity");
        Objects.requireNonNull(hostLink, "hostLink");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(openbmc, "openbmc");
        Objects.requireNonNull(hardware, "hardware");
        if (hardware.isPresent() && hostLink == HostLinkKind.DBUS) {
            throw new ConfigException(
                    "hardware",
                    "not with hostLink dbus: sensors and fans then come from D-Bus "
                            + "(openbmc.sensors, openbmc.zones)");
        }
        if (openbmc.isPresent() && hostLink != HostLinkKind.DBUS) {
            throw new ConfigException(
                    "openbmc", "section given but hostLink is " + hostLink.key() + " (set hostLink: dbus to use it)");
        }
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(rollout, "rollout");
        checkBootOrder(Objects.requireNonNull(bootOrder, "bootOrder"));
        bootOrder = List.copyOf(bootOrder);
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new ConfigException("hosts", hosts + " is out of range 1.." + MAX_HOSTS);
        }
        Listeners.checkLiteral("bind", bind);
        if (mqtt.brokerUrl() == null && mqtt.allowAnonymous() && !Listeners.isLoopback(listeners.mqtt())) {
            throw new ConfigException(
                    "mqtt.allowAnonymous",
                    "the embedded broker on " + listeners.mqtt()
                            + " (mqtt.bind) is not on loopback: anonymous clients are refused there. Remove "
                            + "mqtt.allowAnonymous (clients then log in with the generated monitor password) or set mqtt.bind "
                            + "(--mqtt-bind) to 127.0.0.1 or ::1");
        }
        checkPort("ipmiPort", ipmiPort);
        checkPort("redfishPort", redfishPort);
        checkPort("mqttPort", mqttPort);
        checkPort("hostPort", hostPort);
        if ((long) hostPort + hosts - 1 > 65535) {
            throw new ConfigException(
                    "hostPort",
                    hostPort + " + " + hosts + " hosts - 1 exceeds 65535 (host i " + "listens on hostPort + i)");
        }
        checkTcpPortsDistinct(redfishPort, mqttPort, hostPort, hosts);
        adminPassword.ifPresent(AgentConfig::checkPassword);
        if (dataDir == null) {
            throw new ConfigException("dataDir", "must be set");
        }
        if (!(timeScale >= MIN_TIME_SCALE && timeScale <= MAX_TIME_SCALE)) {
            throw new ConfigException("timeScale", timeScale + " is out of range 0.01..1000");
        }
    }

    /**
     * {@code bootOrder}: at most {@link #MAX_BOOT_ORDER_PATTERNS} patterns, each a Java regular expression of 1 to
     * {@link #MAX_BOOT_ORDER_PATTERN_LENGTH} printable ASCII characters (the host interface carries them so).
     */
    private static void checkBootOrder(List<String> patterns) {
        if (patterns.size() > MAX_BOOT_ORDER_PATTERNS) {
            throw new ConfigException(
                    "bootOrder",
                    patterns.size() + " patterns; at most " + MAX_BOOT_ORDER_PATTERNS
                            + " (a host reports at most 64 boot options)");
        }
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            String key = "bootOrder[" + i + "]";
            if (p == null
                    || p.isEmpty()
                    || p.length() > MAX_BOOT_ORDER_PATTERN_LENGTH
                    || !p.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                throw new ConfigException(
                        key,
                        "must be 1.." + MAX_BOOT_ORDER_PATTERN_LENGTH
                                + " printable ASCII characters (the host interface carries no more)");
            }
            try {
                java.util.regex.Pattern.compile(p);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ConfigException(
                        key,
                        "'" + p + "' is not a regular expression: " + e.getDescription() + " near index "
                                + e.getIndex());
            }
        }
    }

    private static void checkPort(String key, int port) {
        if (port < 1 || port > 65535) {
            throw new ConfigException(key, port + " is out of range 1..65535");
        }
    }

    private static void checkTcpPortsDistinct(int redfishPort, int mqttPort, int hostPort, int hosts) {
        Map<String, Integer> tcp = new LinkedHashMap<>();
        tcp.put("redfishPort", redfishPort);
        tcp.put("mqttPort", mqttPort);
        if (redfishPort == mqttPort) {
            throw new ConfigException("mqttPort", mqttPort + " is also redfishPort (both TCP)");
        }
        for (Map.Entry<String, Integer> e : tcp.entrySet()) {
            if (e.getValue() >= hostPort && e.getValue() < hostPort + hosts) {
                throw new ConfigException(
                        e.getKey(),
                        e.getValue() + " lies in the host interface range " + hostPort + ".." + (hostPort + hosts - 1)
                                + " (hostPort + host index)");
            }
        }
    }

    private static void checkPassword(String password) {
        if (!password.matches("[\\x21-\\x7E]{1,20}")) {
            throw new ConfigException(
                    "adminPassword", "must be 1..20 printable ASCII characters without spaces (IPMI 2.0 limit)");
        }
    }
}
