package dev.bmcagent.mqtt.broker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker's ACL decisions and its refusal to run open or anonymous off loopback (checked before any
 * bind, so nothing here listens on a non-loopback address). The wire behaviour with the real Mosquitto clients is
 * EmbeddedBrokerAclIT (integration-tests).
 */
class BrokerExposureTest {
    private static final BrokerAcl ACL = BrokerAcl.agentOnly(
            "bmc-agent", "agent-pw", "bmc-agent-local-bmc0", "bmc/local/bmc0", Map.of("monitor", "monitor-pw"), true);

    private static byte[] pw(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheAgentPublishesAndOnlyUnderItsPrefix() {
        BrokerAcl.Role agent = ACL.authenticate("bmc-agent", pw("agent-pw"), "bmc-agent-local-bmc0")
                .role();
        assertEquals(BrokerAcl.Role.AGENT, agent);
        assertTrue(ACL.mayPublish(agent, "bmc/local/bmc0/status"));
        assertTrue(ACL.mayPublish(agent, "bmc/local/bmc0/host0/alerts/stuck-pre-os"));
        assertFalse(ACL.mayPublish(agent, "bmc/local/bmc01/status"), "a sibling prefix is not ours");
        assertFalse(ACL.mayPublish(agent, "bmc/other/bmc0/status"));
        BrokerAcl.Role monitor =
                ACL.authenticate("monitor", pw("monitor-pw"), "m1").role();
        assertEquals(BrokerAcl.Role.READER, monitor);
        assertFalse(ACL.mayPublish(monitor, "bmc/local/bmc0/status"));
        assertFalse(ACL.mayPublish(monitor, "anything/else"));
        assertEquals(BrokerAcl.Role.READER, ACL.authenticate(null, null, "anon").role());
    }

    @Test
    void theCoordinatorPublishesOnlyTheCoordinatorsRolloutTopicsAndTheAgentOnlyItsOwn() {
        BrokerAcl acl = ACL.withCoordinator("rollout-coordinator", "coord-pw");
        BrokerAcl.Role coordinator = acl.authenticate("rollout-coordinator", pw("coord-pw"), "rollout-c1")
                .role();
        assertEquals(BrokerAcl.Role.COORDINATOR, coordinator);
        assertEquals(
                BrokerAcl.Refusal.BAD_USER_NAME_OR_PASSWORD,
                acl.authenticate("rollout-coordinator", pw("agent-pw"), "x").refusal());
        for (String t : new String[] {
            "bmc/rollout/claims",
            "bmc/rollout/grant/host3",
            "bmc/rollout/campaign/c1/state",
            "bmc/rollout/campaign/c1/command",
            "bmc/rollout/update/host3"
        }) {
            assertTrue(acl.mayPublish(coordinator, t), t);
            assertFalse(acl.mayPublish(BrokerAcl.Role.AGENT, t), "the agent may not act as coordinator: " + t);
        }
        for (String t : new String[] {
            "bmc/rollout/request/rack1/host3",
            "bmc/rollout/release/rack1/host3",
            "bmc/rollout/observed/rack1/host3",
            "bmc/rollout/outcome/host3",
            "bmc/rollout/alert/rack1/host3"
        }) {
            assertTrue(acl.mayPublish(BrokerAcl.Role.AGENT, t), t);
            assertFalse(acl.mayPublish(coordinator, t), "the coordinator may not act as an agent: " + t);
        }
        for (String t : new String[] {
            "bmc/local/bmc0/status",
            "bmc/local/bmc0/host0/state",
            "bmc/rollout/claimsX",
            "bmc/rollout/grant/",
            "bmc/rollout",
            "other"
        }) {
            assertFalse(acl.mayPublish(coordinator, t), t);
        }
        assertFalse(acl.mayPublish(BrokerAcl.Role.READER, "bmc/rollout/grant/host3"));
        assertEquals(
                BrokerAcl.Refusal.CLIENT_ID_RESERVED,
                acl.authenticate("rollout-coordinator", pw("coord-pw"), "bmc-agent-local-bmc0")
                        .refusal());
        assertThrows(
                IllegalArgumentException.class,
                () -> ACL.withCoordinator("monitor", "x"),
                "a reader's name is not the coordinator's");
        assertThrows(IllegalArgumentException.class, () -> ACL.withCoordinator("bmc-agent", "x"));
    }

    @Test
    void credentialsAndTheReservedClientIdAreChecked() {
        assertEquals(
                BrokerAcl.Refusal.BAD_USER_NAME_OR_PASSWORD,
                ACL.authenticate("bmc-agent", pw("agent-pw!"), "x").refusal());
        assertEquals(
                BrokerAcl.Refusal.BAD_USER_NAME_OR_PASSWORD,
                ACL.authenticate("monitor", pw("agent-pw"), "x").refusal(),
                "the agent's password is not the monitor's");
        assertEquals(
                BrokerAcl.Refusal.BAD_USER_NAME_OR_PASSWORD,
                ACL.authenticate("bmc-agent", null, "x").refusal());
        assertEquals(
                BrokerAcl.Refusal.CLIENT_ID_RESERVED,
                ACL.authenticate(null, null, "bmc-agent-local-bmc0").refusal());
        assertEquals(
                BrokerAcl.Refusal.CLIENT_ID_RESERVED,
                ACL.authenticate("monitor", pw("monitor-pw"), "bmc-agent-local-bmc0")
                        .refusal());
        BrokerAcl closed = BrokerAcl.agentOnly("bmc-agent", "agent-pw", "c", "bmc/s/b", Map.of(), false);
        assertEquals(
                BrokerAcl.Refusal.NOT_AUTHORIZED,
                closed.authenticate(null, null, "anon").refusal());
        assertNull(closed.authenticate("bmc-agent", pw("agent-pw"), "c").refusal());
    }

    @Test
    void offLoopbackTheBrokerMustRequireCredentials() {
        BrokerAcl loginOnly = BrokerAcl.agentOnly("bmc-agent", "agent-pw", "c", "bmc/s/b", Map.of(), false);
        IllegalArgumentException open = assertThrows(
                IllegalArgumentException.class,
                () -> EmbeddedBroker.checkExposure(BrokerOptions.defaults().withBindAddress("0.0.0.0")));
        assertTrue(
                open.getMessage()
                        .startsWith("the embedded broker on 0.0.0.0 (not loopback) must require " + "credentials"),
                open.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> EmbeddedBroker.checkExposure(
                        BrokerOptions.defaults().withBindAddress("::").withAcl(ACL)),
                "anonymous readers off loopback");
        assertDoesNotThrow(() -> EmbeddedBroker.checkExposure(
                BrokerOptions.defaults().withBindAddress("0.0.0.0").withAcl(loginOnly)));
        assertDoesNotThrow(
                () -> EmbeddedBroker.checkExposure(BrokerOptions.defaults().withBindAddress("::1")));
        assertDoesNotThrow(
                () -> EmbeddedBroker.checkExposure(BrokerOptions.defaults().withBindAddress("127.0.0.2")));
    }
}
