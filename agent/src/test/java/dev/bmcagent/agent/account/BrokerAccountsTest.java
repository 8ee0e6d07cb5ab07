package dev.bmcagent.agent.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.AgentConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerAccountsTest {
    @TempDir
    Path dir;

    @Test
    void firstStartGeneratesBothLoginsOwnerOnlyAndLaterStartsReadThem() throws Exception {
        AgentConfig config = new AgentConfigLoader()
                .parse("mqtt:\n  site: lab\n  bmcId: r12\n")
                .resolve(dir);
        BrokerAccounts first = BrokerAccounts.resolve(config, new SecureRandom());
        assertEquals("bmc-agent", first.agent().user());
        assertEquals("monitor", first.monitor().user());
        assertTrue(first.agent().generated() && first.monitor().generated());
        assertTrue(first.agent().password().matches("[A-Za-z0-9]{24}"), "24 letters and digits");
        assertNotEquals(first.agent().password(), first.monitor().password());
        assertEquals("rollout-coordinator", first.coordinator().user());
        assertEquals(
                dir.resolve("mqtt-coordinator-password"), first.coordinator().file());
        assertTrue(first.coordinator().generated());
        assertNotEquals(first.agent().password(), first.coordinator().password());
        assertNotEquals(first.monitor().password(), first.coordinator().password());
        for (BrokerAccounts.Login l :
                new BrokerAccounts.Login[] {first.agent(), first.monitor(), first.coordinator()}) {
            assertEquals(l.password(), Files.readString(l.file(), StandardCharsets.US_ASCII)); // no newline
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(l.file())));
            assertFalse(l.toString().contains(l.password()), "never printed by toString");
        }
        assertEquals(dir.resolve("mqtt-agent-password"), first.agent().file());
        assertEquals("bmc-agent-lab-r12", first.agentClientId());
        assertEquals("bmc/lab/r12", first.topicPrefix());
        assertTrue(first.allowAnonymous(), "loopback default");

        BrokerAccounts second = BrokerAccounts.resolve(config, new SecureRandom());
        assertFalse(second.agent().generated() || second.monitor().generated());
        assertEquals(first.agent().password(), second.agent().password());
        assertEquals(first.monitor().password(), second.monitor().password());
        assertEquals(first.coordinator().password(), second.coordinator().password());
    }
}
