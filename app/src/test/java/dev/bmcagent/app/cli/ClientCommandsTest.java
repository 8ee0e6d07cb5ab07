package dev.bmcagent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.agent.Service;
import dev.bmcagent.agent.account.AdminCredentials;
import dev.bmcagent.agent.account.BrokerAccounts;
import dev.bmcagent.agent.config.AgentConfig;
import dev.bmcagent.agent.config.AgentConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientCommandsTest {
    private static final Path DIR = Path.of("/srv/bmc data");

    private static AgentConfig config(String bind, int hosts) {
        return new AgentConfigLoader()
                .parse("hosts: " + hosts + "\nbind: '" + bind + "'\nipmiPort: 16230\n"
                        + "redfishPort: 18443\nmqttPort: 11883\nhostPort: 19002\n")
                .resolve(DIR);
    }

    @Test
    void storedPasswordIsReferencedThroughTheFileNeverInline() {
        AdminCredentials admin = new AdminCredentials(
                "admin", "Secr3tSecr3tSecr", AdminCredentials.Source.STORED, DIR.resolve("admin-password"));
        String text = ClientCommands.render(config("127.0.0.1", 1), admin, Set.of());
        assertFalse(text.contains("Secr3t"), text);
        assertTrue(
                text.contains("ipmitool -I lanplus -H 127.0.0.1 -p 16230 -U admin -f '/srv/bmc data/admin-password' "
                        + "-C 17 sel elist"),
                text);
        assertTrue(
                text.contains("curl -sk -u \"admin:$(cat '/srv/bmc data/admin-password')\" "
                        + "https://127.0.0.1:18443/redfish/v1/Systems"),
                text);
        assertEquals(4, text.split(ClientCommands.NOT_SERVED, -1).length - 1, text);
    }

    @Test
    void configuredPasswordIsQuotedForTheShellAndIpv6IsBracketedInUrls() {
        AdminCredentials admin = new AdminCredentials(
                "admin", "it's$x", AdminCredentials.Source.CONFIGURED, DIR.resolve("admin-password"));
        String text = ClientCommands.render(config("::1", 3), admin, Set.of(Service.REDFISH));
        assertTrue(text.contains("-H ::1 -p 16230 -U admin -P 'it'\\''s$x' -C 17"), text);
        assertTrue(text.contains("curl -sk -u 'admin:it'\\''s$x' https://[::1]:18443/redfish/v1/Systems"), text);
        assertTrue(text.contains("Redfish (HTTPS https://[::1]:18443)\n"), "served: no marker\n" + text);
        assertTrue(text.contains("port 19002..19004, host i on 19002+i"), text);
    }

    @Test
    void eachListenerIsAddressedWhereItListensAndTheMonitorLogsInOffLoopback() {
        AdminCredentials admin = new AdminCredentials(
                "admin", "Secr3tSecr3tSecr", AdminCredentials.Source.STORED, DIR.resolve("admin-password"));
        AgentConfig c = new AgentConfigLoader().parse("""
                                                      ipmiPort: 16230
                                                      redfishPort: 18443
                                                      mqttPort: 11883
                                                      hostPort: 19002
                                                      ipmi:
                                                        bind: 127.0.0.2
                                                      redfish:
                                                        bind: 0.0.0.0
                                                      mqtt:
                                                        bind: '::'
                                                      """).resolve(DIR);
        BrokerAccounts broker = new BrokerAccounts(
                new BrokerAccounts.Login("bmc-agent", "agent-secret-agent-secret", DIR.resolve("a"), false),
                new BrokerAccounts.Login(
                        "monitor", "monitor-secret-monitor-se", DIR.resolve("mqtt-monitor-password"), false),
                "bmc-agent-local-bmc0",
                "bmc/local/bmc0",
                c.mqtt().allowAnonymous());
        String text = ClientCommands.render(c, admin, Set.of(), Optional.of(broker));
        assertTrue(text.contains("ipmitool -I lanplus -H 127.0.0.2 -p 16230"), text);
        assertTrue(
                text.contains("https://127.0.0.1:18443/redfish/v1/Systems"), "wildcard: reach it on loopback\n" + text);
        assertTrue(
                text.contains(
                        "mosquitto_sub -h ::1 -p 11883 -u monitor -P \"$(cat '/srv/bmc data/mqtt-monitor-password')\" "
                                + "-t 'bmc/#' -v"),
                text);
        assertFalse(text.contains("secret"), text);
    }
}
