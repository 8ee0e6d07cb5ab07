package dev.bmcagent.redfish.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.backend.BootOverrideEnabled;
import dev.bmcagent.redfish.backend.BootOverrideMode;
import dev.bmcagent.redfish.backend.BootSource;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.testing.Curl;
import dev.bmcagent.redfish.testing.RedfishFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Redfish clients: DMTF redfishtool and OpenStack sushy (Debian packages). */
class RedfishClientsTest {
    @TempDir
    static Path dir;

    static RedfishFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = RedfishFixture.start(dir);
    }

    @BeforeEach
    void reset() {
        f.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    String redfishtool(String... args) {
        List<String> cmd = new java.util.ArrayList<>(
                List.of("redfishtool", "-r", "127.0.0.1:" + f.port(), "-u", "admin", "-p", "secret", "-S", "Always"));
        cmd.addAll(List.of(args));
        String out = Curl.exec(cmd);
        System.out.println("$ " + String.join(" ", cmd) + "\n" + out);
        return out;
    }

    @Test
    void redfishtoolListsSystems() {
        String out = redfishtool("Systems");
        assertTrue(out.contains("\"@odata.id\": \"/redfish/v1/Systems/host1\""), out);
    }

    @Test
    void redfishtoolGetsOneSystemWithBootProgress() {
        String out = redfishtool("Systems", "-I", "host1", "get");
        assertTrue(out.contains("\"LastState\": \"OEM\""), out);
        assertTrue(out.contains("\"OemLastState\": \"EFI 0x03041000\""), out);
    }

    @Test
    void redfishtoolWithSessionAuth() {
        String out = redfishtool("-A", "Session", "Systems", "-I", "host1", "-P", "PowerState", "get");
        assertTrue(out.contains("\"PowerState\": \"On\""), out);
    }

    @Test
    void redfishtoolSetsBootOverrideAndResets() {
        redfishtool("Systems", "-I", "host1", "setBootOverride", "Once", "Pxe");
        SystemView v = f.systems.system("host1").orElseThrow();
        assertEquals(BootSource.Pxe, v.bootOverride().target());
        assertEquals(BootOverrideEnabled.Once, v.bootOverride().enabled());
        redfishtool("Systems", "-I", "host1", "reset", "GracefulRestart");
        assertEquals(List.of("host1:GracefulRestart"), f.systems.resets);
    }

    String sushy(String script) {
        String prelude = "import sushy, urllib3, sys\nurllib3.disable_warnings()\n"
                + "s = sushy.Sushy('https://127.0.0.1:" + f.port() + "/redfish/v1', username='admin', "
                + "password='secret', verify=False)\n";
        // python-requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override verify=False: unset them for sushy.
        String out = Curl.exec(
                List.of("/usr/bin/python3", "-c", prelude + script), List.of("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"));
        System.out.println("$ python3 -c sushy...\n" + out);
        return out;
    }

    @Test
    void sushyReadsSystemAndSetsBootOptions() {
        String out = sushy("""
                sy = s.get_system('/redfish/v1/Systems/host1')
                print('power', sy.power_state.value)
                bp = sy.json['BootProgress']
                print('progress', bp['LastState'], bp['OemLastState'], bp['LastBootTimeSeconds'])
                print('allowed', sorted(v.value for v in sy.get_allowed_system_boot_source_values()))
                sy.set_system_boot_options(sushy.BootSource.PXE, enabled=sushy.BootSourceOverrideEnabled.ONCE,
                                           mode=sushy.BootSourceOverrideMode.UEFI)
                sy.refresh()
                print('boot', sy.boot.target.value, sy.boot.enabled.value, sy.boot.mode.value)
                sy.reset_system(sushy.ResetType.FORCE_RESTART)
                print('reset ok')
                m = s.get_manager('/redfish/v1/Managers/bmc')
                print('manager', m.manager_type.value, m.firmware_version)
                print('sessions', len(s.get_session_service().sessions.members_identities))
                """);
        assertTrue(out.contains("power On"), out);
        assertTrue(out.contains("progress OEM EFI 0x03041000 187.0"), out);
        assertTrue(out.contains("boot Pxe Once UEFI"), out);
        assertTrue(out.contains("reset ok"), out);
        assertTrue(out.contains("manager BMC 0.1.0-test"), out);
        SystemView v = f.systems.system("host1").orElseThrow();
        assertEquals(BootOverrideMode.UEFI, v.bootOverride().mode());
        assertEquals(List.of("host1:ForceRestart"), f.systems.resets);
    }
}
