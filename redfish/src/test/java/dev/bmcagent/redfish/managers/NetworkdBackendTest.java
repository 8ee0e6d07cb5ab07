package dev.bmcagent.redfish.managers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.backend.NetworkConfigBackend.NetworkConfigException;
import dev.bmcagent.redfish.backend.NetworkSettings;
import dev.bmcagent.redfish.backend.NetworkSettings.Dhcpv4;
import dev.bmcagent.redfish.backend.NetworkSettings.StaticIpv4;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd-networkd files written into a temporary directory, commands that only record their runs. */
class NetworkdBackendTest {
    @TempDir
    Path dir;

    private static final NetworkSettings S = new NetworkSettings(
            Optional.of("bmc7"),
            Optional.of("example.org"),
            List.of("192.0.2.53", "2001:db8::35"),
            new Dhcpv4(false, true, false, false),
            true,
            List.of(
                    new StaticIpv4("192.0.2.10", 24, Optional.of("192.0.2.1")),
                    new StaticIpv4("198.51.100.7", 32, Optional.empty())));

    private NetworkdBackend backend(List<String> reload, List<String> hostname) {
        return new NetworkdBackend(
                dir.resolve("network"), dir.resolve("hostname"), reload, hostname, Duration.ofSeconds(10));
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void writesANetworkFileReloadsAndReadsItBack() throws Exception {
        Path log = dir.resolve("commands.log");
        NetworkdBackend b = backend(
                sh("echo reload >> " + log), List.of("sh", "-c", "echo \"hostname $1\" >> " + log, "sh", "{hostname}"));
        assertEquals(Optional.empty(), b.settings("eth0"));
        b.apply("eth0", S);
        String file = Files.readString(dir.resolve("network/50-bmc-agent-eth0.network"));
        assertTrue(file.contains("[Match]\nName=eth0\n"), file);
        assertTrue(file.contains("DHCP=ipv6\n"), file);
        assertTrue(file.contains("Domains=example.org\n"), file);
        assertTrue(file.contains("DNS=192.0.2.53\nDNS=2001:db8::35\n"), file);
        assertTrue(file.contains("Address=192.0.2.10/24\nAddress=198.51.100.7/32\nGateway=192.0.2.1\n"), file);
        assertTrue(file.contains("[DHCPv4]\nUseDNS=yes\nUseGateway=no\nUseDomains=no\n"), file);
        assertEquals("bmc7\n", Files.readString(dir.resolve("hostname")));
        assertEquals(List.of("reload", "hostname bmc7"), Files.readAllLines(log));
        assertEquals(Optional.of(S), b.settings("eth0"));
        assertEquals(Optional.of("bmc7"), b.hostName());
        // the same settings again: nothing to reload, the host name unchanged
        b.apply("eth0", S);
        assertEquals(List.of("reload", "hostname bmc7"), Files.readAllLines(log));
    }

    @Test
    void aFailingReloadPutsThePreviousFilesBack() throws Exception {
        NetworkdBackend ok = backend(List.of("true"), List.of());
        ok.apply("eth0", S);
        String before = Files.readString(dir.resolve("network/50-bmc-agent-eth0.network"));
        NetworkdBackend failing = backend(List.of("false"), List.of());
        NetworkSettings other = new NetworkSettings(
                Optional.of("other"),
                Optional.empty(),
                List.of(),
                new Dhcpv4(true, true, true, true),
                false,
                List.of());
        NetworkConfigException e = assertThrows(NetworkConfigException.class, () -> failing.apply("eth0", other));
        assertTrue(e.getMessage().contains("exit status 1"), e.getMessage());
        assertEquals(before, Files.readString(dir.resolve("network/50-bmc-agent-eth0.network")));
        assertEquals("bmc7\n", Files.readString(dir.resolve("hostname")));
        // a first configuration that fails leaves no file behind
        assertThrows(NetworkConfigException.class, () -> failing.apply("eth1", other));
        assertFalse(Files.exists(dir.resolve("network/50-bmc-agent-eth1.network")));
    }

    @Test
    void aHangingCommandIsKilledAtTheTimeout() throws Exception {
        NetworkdBackend slow = new NetworkdBackend(
                dir.resolve("network"),
                dir.resolve("hostname"),
                List.of("sleep", "30"),
                List.of(),
                Duration.ofMillis(300));
        NetworkConfigException e = assertThrows(NetworkConfigException.class, () -> slow.apply("eth0", S));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("network/50-bmc-agent-eth0.network")));
    }

    @Test
    void interfaceNamesCannotEscapeTheDirectory() {
        NetworkdBackend b = backend(List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> b.file("../etc"));
        assertThrows(IllegalArgumentException.class, () -> b.file("a-name-longer-than-15"));
    }
}
