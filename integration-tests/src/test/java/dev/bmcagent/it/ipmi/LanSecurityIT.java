package dev.bmcagent.it.ipmi;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins the LAN service must refuse, as ipmitool and FreeIPMI report them (ipmiutil: {@link IpmiutilLanIT}). */
class LanSecurityIT {
    static IpmiAgentFixture bmc;
    static IpmiClients clients;

    @TempDir
    static Path cache;

    @BeforeAll
    static void start() {
        bmc = IpmiAgentFixture.start();
        clients = new IpmiClients(bmc, cache);
    }

    @AfterAll
    static void stop() {
        bmc.close();
    }

    private static void refused(ClientRun r, String why) {
        assertNotEquals(0, r.exit(), r::toString);
        assertTrue(r.has(why), r::toString);
        assertTrue(r.took().toMillis() < 5000, "refusal must be answered, not timed out: " + r.took());
    }

    @Test
    void ipmitoolWrongPassword() {
        refused(
                clients.ipmitool(IpmiAgentFixture.ADMIN, "wrong-password", "-v", "mc", "info"),
                "RAKP 2 HMAC is invalid");
    }

    @Test
    void ipmitoolUnknownUser() {
        refused(
                clients.ipmitool("nobody", "whatever", "-v", "mc", "info"),
                "RAKP 2 message indicates an error : unauthorized name");
    }

    @Test
    void ipmitoolDisabledUser() {
        refused(
                clients.ipmitool(IpmiAgentFixture.DISABLED, IpmiAgentFixture.DISABLED_PASSWORD, "-v", "mc", "info"),
                "RAKP 2 message indicates an error : unauthorized name");
    }

    @Test
    void ipmitoolCipherSuiteZero() {
        refused(
                clients.ipmitool(IpmiAgentFixture.ADMIN, IpmiAgentFixture.ADMIN_PASSWORD, "-C", "0", "mc", "info"),
                "no matching cipher suite");
    }

    @Test
    void ipmitoolIpmi15Lan() {
        refused(
                clients.ipmitoolWith("lan", IpmiAgentFixture.ADMIN, IpmiAgentFixture.ADMIN_PASSWORD, "mc", "info"),
                "Unable to establish IPMI v1.5 / RMCP session");
    }

    @Test
    void ipmitoolOperatorAskingForAdministratorIsRefused() {
        // ipmitool's default role is ADMINISTRATOR; an operator must pass -L OPERATOR
        refused(
                clients.ipmitool(IpmiAgentFixture.OPERATOR, IpmiAgentFixture.OPERATOR_PASSWORD, "-v", "mc", "info"),
                "unauthorized name");
    }

    @Test
    void ipmitoolAnonymousLoginIsRefused() {
        refused(clients.ipmitool("", "", "-v", "mc", "info"), "unauthorized name");
    }

    @Test
    void ipmitoolWrongBmcKeyFailsTheRakp4Check() {
        refused(
                clients.ipmitool(
                        IpmiAgentFixture.ADMIN,
                        IpmiAgentFixture.ADMIN_PASSWORD,
                        "-k",
                        "not-the-kg",
                        "-v",
                        "mc",
                        "info"),
                "RAKP 4 message has invalid integrity check value");
    }

    @Test
    void ipmitoolOemRoleIsRefused() {
        refused(
                clients.ipmitool(IpmiAgentFixture.ADMIN, IpmiAgentFixture.ADMIN_PASSWORD, "-L", "OEM", "mc", "info"),
                "invalid role");
    }

    @Test
    void userRoleReadsButCannotChangeOrListUsers() {
        String u = IpmiAgentFixture.USER;
        String p = IpmiAgentFixture.USER_PASSWORD;
        assertTrue(clients.ipmitool(u, p, "-L", "USER", "chassis", "power", "status")
                .ok()
                .has("Chassis Power is"));
        assertTrue(clients.ipmitool(u, p, "-L", "USER", "sdr", "elist").ok().has("CPU_TEMP"));
        refused(
                clients.ipmitool(u, p, "-L", "USER", "chassis", "bootparam", "get", "5"),
                "Get Chassis Boot Parameter 5 failed: Insufficient privilege level");
        refused(clients.ipmitool(u, p, "-L", "USER", "user", "list", "1"), "Insufficient privilege level");
    }

    @Test
    void freeipmiWrongPassword() {
        refused(
                clients.freeipmi("bmc-info", IpmiAgentFixture.ADMIN, "wrong-password", "--get-device-id"),
                "password invalid");
    }

    @Test
    void freeipmiUnknownAndDisabledUser() {
        refused(clients.freeipmi("bmc-info", "nobody", "whatever", "--get-device-id"), "username invalid");
        refused(
                clients.freeipmi(
                        "bmc-info", IpmiAgentFixture.DISABLED, IpmiAgentFixture.DISABLED_PASSWORD, "--get-device-id"),
                "username invalid");
    }

    @Test
    void freeipmiCipherSuiteZero() {
        refused(clients.freeipmiAdmin("bmc-info", "-I", "0", "--get-device-id"), "cipher suite id unavailable");
    }

    @Test
    void freeipmiIpmi15Lan() {
        ClientRun r = ClientRun.of(java.util.List.of(
                "bmc-info",
                "-D",
                "LAN",
                "-h",
                "127.0.0.1:" + bmc.port(),
                "-u",
                IpmiAgentFixture.ADMIN,
                "-p",
                IpmiAgentFixture.ADMIN_PASSWORD,
                "--get-device-id"));
        refused(r, "authentication type unavailable for attempted privilege level");
    }

    @Test
    void adminStillLogsInAfterTheRefusals() {
        clients.ipmitool(IpmiAgentFixture.ADMIN, "wrong-password", "mc", "info");
        clients.freeipmi("bmc-info", IpmiAgentFixture.ADMIN, "wrong-password", "--get-device-id");
        assertTrue(clients.admin("mc", "info").ok().has("Firmware Revision"));
        assertTrue(clients.freeipmiAdmin("bmc-info", "--get-device-id").ok().has("Firmware Revision"));
    }
}
