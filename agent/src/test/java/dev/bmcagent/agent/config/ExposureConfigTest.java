package dev.bmcagent.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One listener, one decision (issue 11 items 3 and 4): per-listener binds, the refusals of a non-loopback host
 * interface and of an anonymous broker off loopback, and the external broker's credentials and TLS keys. All of
 * it is decided from the configuration, before anything binds.
 */
class ExposureConfigTest {
    private static final Path DIR = Path.of("/var/lib/bmc-test");
    private final AgentConfigLoader loader = new AgentConfigLoader();

    @TempDir
    Path tmp;

    private AgentConfig yaml(String text) {
        return loader.parse(text).resolve(DIR);
    }

    private String rejection(String text) {
        return assertThrows(ConfigException.class, () -> yaml(text)).getMessage();
    }

    @Test
    void everyListenerDefaultsToLoopback() {
        assertEquals(new Listeners("127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1", false), yaml("").listeners());
        assertTrue(yaml("").mqtt().allowAnonymous(), "loopback broker: anonymous read-only monitors allowed");
    }

    @Test
    void eachListenerHasItsOwnBindKey() {
        AgentConfig c = yaml("""
                             ipmi:
                               bind: 127.0.0.2
                             redfish:
                               bind: '::1'
                             hostInterface:
                               bind: 127.0.0.3
                             mqtt:
                               bind: 127.0.0.4\
                             """);
        assertEquals(new Listeners("127.0.0.2", "::1", "127.0.0.3", "127.0.0.4", false), c.listeners());
    }

    @Test
    void bindIsTheDefaultOfListenersWithoutTheirOwnKeyAndTheirOwnKeyWinsOverTheFlag() {
        PartialConfig file = loader.parse("hostInterface:\n  bind: 127.0.0.1\nmqtt:\n  bind: 127.0.0.1\n");
        PartialConfig flags = loader.parse("bind: 192.0.2.10\n"); // documentation range: never bound, only parsed
        AgentConfig c = file.overriddenBy(flags).resolve(DIR);
        assertEquals(new Listeners("192.0.2.10", "192.0.2.10", "127.0.0.1", "127.0.0.1", false), c.listeners());
    }

    @Test
    void theHostInterfacePeersAreConfigurableAndARemoteOneNeedsAllowRemote() {
        assertEquals(
                java.util.List.of("127.0.0.1", "::1"),
                dev.bmcagent.agent.runtime.RuntimeOptions.from(yaml("")).hostPeers(),
                "loopback by default");
        AgentConfig local = yaml("hostInterface:\n  allowedPeers: [127.0.0.2, 127.0.0.0/8]\n");
        assertEquals(
                java.util.List.of("127.0.0.2", "127.0.0.0/8"),
                dev.bmcagent.agent.runtime.RuntimeOptions.from(local).hostPeers(),
                "reaches the host interfaces");
        String remote = rejection("hostInterface:\n  allowedPeers: ['198.51.100.7']\n");
        assertTrue(remote.startsWith("hostInterface.allowedPeers: [198.51.100.7] names a peer off loopback"), remote);
        assertTrue(
                rejection("hostInterface:\n  allowedPeers: ['127.0.0.1/0']\n")
                        .startsWith("hostInterface.allowedPeers:"),
                "a prefix wider than loopback is remote");
        assertEquals(
                java.util.List.of("198.51.100.7"),
                yaml("""
                                                             hostInterface:
                                                               bind: 0.0.0.0
                                                               allowRemote: true
                                                               allowedPeers: ['198.51.100.7']
                                                             """).listeners().hostInterfacePeers(),
                "documentation range: parsed, never contacted");
        assertTrue(rejection("hostInterface:\n  allowedPeers: []\n")
                .startsWith("hostInterface.allowedPeers: the " + "allowed peers list is empty"));
    }

    @Test
    void aNonLoopbackHostInterfaceIsRefusedUnlessExplicitlyAllowed() {
        String refused = rejection("bind: 0.0.0.0\n");
        assertTrue(
                refused.startsWith("hostInterface.bind: 0.0.0.0 is not a loopback address. The host interface is "
                        + "unauthenticated"),
                refused);
        assertTrue(
                refused.contains("--host-interface-bind") && refused.contains("--allow-remote-host-interface"),
                refused);
        assertTrue(rejection("hostInterface:\n  bind: '::'\n").startsWith("hostInterface.bind: :: is not a loopback"));
        AgentConfig allowed = yaml("hostInterface:\n  bind: 0.0.0.0\n  allowRemote: true\n");
        assertEquals("0.0.0.0", allowed.listeners().hostInterface());
        assertTrue(allowed.listeners().allowRemoteHostInterface());
        // 127.0.0.0/8 and ::1 are loopback
        assertEquals(
                "127.9.9.9",
                yaml("hostInterface:\n  bind: 127.9.9.9\n").listeners().hostInterface());
        assertEquals("::1", yaml("hostInterface:\n  bind: '::1'\n").listeners().hostInterface());
    }

    @Test
    void anAnonymousBrokerOffLoopbackIsRefusedAndOffLoopbackTheDefaultIsCredentials() {
        AgentConfig remote = yaml("mqtt:\n  bind: 0.0.0.0\n");
        assertFalse(remote.mqtt().allowAnonymous(), "off loopback the embedded broker requires credentials");
        String refused = rejection("mqtt:\n  bind: 0.0.0.0\n  allowAnonymous: true\n");
        assertTrue(
                refused.startsWith(
                        "mqtt.allowAnonymous: the embedded broker on 0.0.0.0 (mqtt.bind) is not on " + "loopback"),
                refused);
        assertFalse(yaml("mqtt:\n  allowAnonymous: false\n").mqtt().allowAnonymous());
    }

    @Test
    void badBindLiteralsNameTheirKey() {
        assertEquals(
                "ipmi.bind: 'bmc.example' is not an IP literal (e.g. 127.0.0.1 or ::1)",
                rejection("ipmi:\n  bind: bmc.example\n"));
        assertEquals(
                "redfish.bind: '' is not an IP literal (e.g. 127.0.0.1 or ::1)", rejection("redfish:\n  bind: ''\n"));
        assertEquals(
                "mqtt.bind: '1.2.3' is not an IP literal (e.g. 127.0.0.1 or ::1)", rejection("mqtt:\n  bind: 1.2.3\n"));
    }

    @Test
    void webSocketBrokerUrlsAreRefusedAtConfigurationTime() {
        assertEquals(
                "mqtt.brokerUrl: 'ws://127.0.0.1:8080': MQTT over WebSocket is not supported; use the broker's "
                        + "MQTT listener with tcp://HOST:PORT or ssl://HOST:PORT",
                rejection("mqtt:\n  brokerUrl: ws://127.0.0.1:8080\n"));
        assertTrue(rejection("mqtt:\n  brokerUrl: wss://127.0.0.1:8443/mqtt\n").contains("WebSocket is not supported"));
    }

    @Test
    void externalBrokerCredentialsAndTrustStoreAreRead() throws Exception {
        Path trust = Files.writeString(tmp.resolve("trust.p12"), "x");
        AgentConfig c = yaml(String.join(
                "\n",
                "mqtt:",
                "  brokerUrl: ssl://127.0.0.1:8883",
                "  username: agent7",
                "  password: s3cret",
                "  trustStore: " + trust,
                "  trustStorePassword: changeit",
                ""));
        assertEquals(
                new MqttConfig(
                        "ssl://127.0.0.1:8883",
                        "local",
                        "bmc0",
                        false,
                        "agent7",
                        "s3cret",
                        trust.toString(),
                        "changeit"),
                c.mqtt());
        assertNull(yaml("").mqtt().username());
    }

    @Test
    void credentialAndTlsKeysAreCheckedTogether() throws Exception {
        Path trust = Files.writeString(tmp.resolve("trust.p12"), "x");
        assertEquals(
                "mqtt.username: must be 1..256 characters",
                rejection("mqtt:\n  brokerUrl: tcp://127.0.0.1:1883\n  username: " + "u".repeat(257) + "\n"));
        assertEquals(
                "mqtt.password: needs mqtt.username",
                rejection("mqtt:\n  brokerUrl: tcp://127.0.0.1:1883\n  password: x\n"));
        assertEquals(
                "mqtt.username: applies to an external broker (mqtt.brokerUrl); the embedded broker's "
                        + "credentials are generated in the data directory",
                rejection("mqtt:\n  username: x\n"));
        assertEquals(
                "mqtt.trustStore: only used with an ssl:// broker URL (mqtt.brokerUrl is tcp://127.0.0.1:1883)",
                rejection("mqtt:\n  brokerUrl: tcp://127.0.0.1:1883\n  trustStore: " + trust + "\n"));
        assertEquals(
                "mqtt.trustStore: " + tmp.resolve("none.p12") + " is not a readable file",
                rejection("mqtt:\n  brokerUrl: ssl://127.0.0.1:8883\n  trustStore: " + tmp.resolve("none.p12") + "\n"));
    }
}
