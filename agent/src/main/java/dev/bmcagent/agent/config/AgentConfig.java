package dev.bmcagent.agent.config;

import dev.bmcagent.agent.store.FsyncPolicy;
import dev.bmcagent.agent.store.StoreKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's validated configuration. Every command-line flag has a YAML key of the same meaning
 * (see {@link PartialConfig} and the README's configuration reference). Defaults are the constants below.
 * Every rejection is a {@link ConfigException} naming the key and the allowed range.
 *
 * @param hosts          number of hosts this agent manages (1..4096)
 * @param bind           IP literal of every listener that has no bind of its own (see {@link Listeners})
 * @param ipmiPort       IPMI RMCP+ UDP port (623 in production)
 * @param redfishPort    Redfish HTTPS port
 * @param mqttPort       embedded MQTT broker port
 * @param hostPort       host interface TCP port of host 0; host i listens on hostPort + i
 * @param adminPassword  the admin account's password; empty: generated on first start (see AdminPassword)
 * @param dataDir        where all state lives
 * @param timeScale      simulated seconds per real second (> 0)
 * @param store          DISK (journals in dataDir) or MEMORY
 * @param fsync          when journals fsync (NEVER: kill -9 safe; BATCH / ALWAYS: also power-loss safe)
 * @param mqtt           MQTT settings
 * @param listeners      where each listener binds
 * @param power          the host power backend ({@code power:} section)
 */
public record AgentConfig(int hosts, String bind, int ipmiPort, int redfishPort, int mqttPort, int hostPort,
                          Optional<String> adminPassword, Path dataDir, double timeScale, StoreKind store,
                          FsyncPolicy fsync, MqttConfig mqtt, Listeners listeners, PowerConfig power) {
    public static final int DEFAULT_HOSTS = 1;
    public static final int MAX_HOSTS = 4096;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_IPMI_PORT = 6230;
    public static final int DEFAULT_REDFISH_PORT = 8443;
    public static final int DEFAULT_MQTT_PORT = 1883;
    public static final int DEFAULT_HOST_PORT = 9002;
    public static final double DEFAULT_TIME_SCALE = 1.0;
    public static final StoreKind DEFAULT_STORE = StoreKind.DISK;
    public static final FsyncPolicy DEFAULT_FSYNC = FsyncPolicy.NEVER;

    public AgentConfig {
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(power, "power");
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new ConfigException("hosts", hosts + " is out of range 1.." + MAX_HOSTS);
        }
        Listeners.checkLiteral("bind", bind);
        if (mqtt.brokerUrl() == null && mqtt.allowAnonymous() && !Listeners.isLoopback(listeners.mqtt())) {
            throw new ConfigException("mqtt.allowAnonymous", "the embedded broker on " + listeners.mqtt()
                    + " (mqtt.bind) is not on loopback: anonymous clients are refused there. Remove "
                    + "mqtt.allowAnonymous (clients then log in with the generated monitor password) or set mqtt.bind "
                    + "(--mqtt-bind) to 127.0.0.1 or ::1");
        }
        checkPort("ipmiPort", ipmiPort);
        checkPort("redfishPort", redfishPort);
        checkPort("mqttPort", mqttPort);
        checkPort("hostPort", hostPort);
        if ((long) hostPort + hosts - 1 > 65535) {
            throw new ConfigException("hostPort", hostPort + " + " + hosts + " hosts - 1 exceeds 65535 (host i "
                    + "listens on hostPort + i)");
        }
        checkTcpPortsDistinct(redfishPort, mqttPort, hostPort, hosts);
        adminPassword.ifPresent(AgentConfig::checkPassword);
        if (dataDir == null) {
            throw new ConfigException("dataDir", "must be set");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new ConfigException("timeScale", timeScale + " is out of range: must be a finite number > 0");
        }
    }

    /** Without a power backend. */
    public AgentConfig(int hosts, String bind, int ipmiPort, int redfishPort, int mqttPort, int hostPort,
                       Optional<String> adminPassword, Path dataDir, double timeScale, StoreKind store,
                       FsyncPolicy fsync, MqttConfig mqtt, Listeners listeners) {
        this(hosts, bind, ipmiPort, redfishPort, mqttPort, hostPort, adminPassword, dataDir, timeScale, store, fsync,
                mqtt, listeners, PowerConfig.NONE);
    }

    /** Every listener on {@code bind} (no per-listener keys). */
    public AgentConfig(int hosts, String bind, int ipmiPort, int redfishPort, int mqttPort, int hostPort,
                       Optional<String> adminPassword, Path dataDir, double timeScale, StoreKind store,
                       FsyncPolicy fsync, MqttConfig mqtt) {
        this(hosts, bind, ipmiPort, redfishPort, mqttPort, hostPort, adminPassword, dataDir, timeScale, store, fsync,
                mqtt, Listeners.all(bind));
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
                throw new ConfigException(e.getKey(), e.getValue() + " lies in the host interface range "
                        + hostPort + ".." + (hostPort + hosts - 1) + " (hostPort + host index)");
            }
        }
    }

    private static void checkPassword(String password) {
        if (!password.matches("[\\x21-\\x7E]{1,20}")) {
            throw new ConfigException("adminPassword",
                    "must be 1..20 printable ASCII characters without spaces (IPMI 2.0 limit)");
        }
    }
}
