package dev.bmcagent.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.agent.store.FsyncPolicy;
import dev.bmcagent.agent.store.StoreKind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Configuration as written in a YAML file or given as flags: every field optional (null = not given).
 * {@link #overriddenBy} layers flags over a file; {@link #resolve} fills defaults and validates.
 * The YAML keys are exactly these component names.
 */
public record PartialConfig(Integer hosts, String bind, Integer ipmiPort, Integer redfishPort, Integer mqttPort,
                            Integer hostPort, String adminPassword, String dataDir, Double timeScale,
                            StoreKind store, FsyncPolicy fsync, PartialMqtt mqtt, HostLinkKind hostLink,
                            JsonNode openbmc, JsonNode hardware) {

    /** Without the host link keys (flags and callers from before {@code hostLink}). */
    public PartialConfig(Integer hosts, String bind, Integer ipmiPort, Integer redfishPort, Integer mqttPort,
                         Integer hostPort, String adminPassword, String dataDir, Double timeScale, StoreKind store,
                         FsyncPolicy fsync, PartialMqtt mqtt) {
        this(hosts, bind, ipmiPort, redfishPort, mqttPort, hostPort, adminPassword, dataDir, timeScale, store, fsync,
                mqtt, null, null, null);
    }

    /** The {@code mqtt:} section. */
    public record PartialMqtt(String brokerUrl, String site, String bmcId) {
        /** This section with every value {@code over} sets replacing ours. */
        PartialMqtt overriddenBy(PartialMqtt over) {
            return over == null ? this : new PartialMqtt(pick(over.brokerUrl, brokerUrl), pick(over.site, site),
                    pick(over.bmcId, bmcId));
        }
    }

    public static PartialConfig empty() {
        return new PartialConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** This configuration with every value {@code over} sets replacing ours. */
    public PartialConfig overriddenBy(PartialConfig over) {
        return new PartialConfig(
                pick(over.hosts, hosts), pick(over.bind, bind), pick(over.ipmiPort, ipmiPort),
                pick(over.redfishPort, redfishPort), pick(over.mqttPort, mqttPort), pick(over.hostPort, hostPort),
                pick(over.adminPassword, adminPassword), pick(over.dataDir, dataDir),
                pick(over.timeScale, timeScale), pick(over.store, store), pick(over.fsync, fsync),
                mqtt == null ? over.mqtt : mqtt.overriddenBy(over.mqtt), pick(over.hostLink, hostLink),
                pick(over.openbmc, openbmc), pick(over.hardware, hardware));
    }

    /**
     * Fills defaults and validates.
     *
     * @param defaultDataDir used when no dataDir is given (see {@link DataDirectory})
     * @throws ConfigException naming the first bad key
     */
    public AgentConfig resolve(Path defaultDataDir) {
        Path dir;
        try {
            dir = dataDir == null ? defaultDataDir : Path.of(dataDir);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException("dataDir", "'" + dataDir + "' is not a path: " + e.getReason());
        }
        return new AgentConfig(
                pick(hosts, AgentConfig.DEFAULT_HOSTS),
                pick(bind, AgentConfig.DEFAULT_BIND),
                pick(ipmiPort, AgentConfig.DEFAULT_IPMI_PORT),
                pick(redfishPort, AgentConfig.DEFAULT_REDFISH_PORT),
                pick(mqttPort, AgentConfig.DEFAULT_MQTT_PORT),
                pick(hostPort, AgentConfig.DEFAULT_HOST_PORT),
                Optional.ofNullable(adminPassword),
                dir,
                pick(timeScale, AgentConfig.DEFAULT_TIME_SCALE),
                pick(store, AgentConfig.DEFAULT_STORE),
                pick(fsync, AgentConfig.DEFAULT_FSYNC),
                mqtt == null ? MqttConfig.embedded() : new MqttConfig(mqtt.brokerUrl,
                        pick(mqtt.site, MqttConfig.DEFAULT_SITE), pick(mqtt.bmcId, MqttConfig.DEFAULT_BMC_ID)),
                pick(hostLink, HostLinkKind.VM),
                openbmc == null || openbmc.isNull() ? Optional.empty() : Optional.of(openbmc),
                hardware == null || hardware.isNull() ? Optional.empty() : Optional.of(hardware));
    }

    private static <T> T pick(T first, T fallback) {
        return first != null ? first : fallback;
    }
}
