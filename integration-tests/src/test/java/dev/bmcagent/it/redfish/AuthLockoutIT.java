package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static dev.bmcagent.it.redfish.RedfishRig.VIEWER;
import static dev.bmcagent.it.redfish.RedfishRig.VIEWER_PW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 item 7: one lockout state per account, per source address, shared by IPMI and Redfish. A stranger
 * guessing the admin's password from 127.0.0.2 (a raw RMCP+ client: ipmitool cannot choose its source address)
 * locks 127.0.0.2 out and gets at most the threshold of RAKP 2 HMACs; the admin on 127.0.0.1 still logs in with real
 * ipmitool and curl. Real ipmitool guessing from 127.0.0.1 locks 127.0.0.1 out of that account on both protocols.
 */
class AuthLockoutIT {
    static final int THRESHOLD = 5;

    @TempDir
    Path dir;

    RedfishRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new RedfishRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private InetSocketAddress ipmi() {
        return new InetSocketAddress(
                InetAddress.getLoopbackAddress(), rig.runtime.ipmiAddress(0).getPort());
    }

    private RedfishRig.Run ipmitool(String user, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(ipmi().getPort()),
                "-U",
                user,
                "-P",
                password,
                "-C",
                "17",
                "-N",
                "1",
                "-R",
                "1"));
        cmd.addAll(List.of(args));
        return RedfishRig.run(cmd);
    }

    /** curl with Basic auth from a chosen loopback source address; returns the HTTP status. */
    private int curlFrom(String source, String user, String password) {
        return RedfishRig.run(List.of(
                        "curl",
                        "-sk",
                        "--interface",
                        source,
                        "-u",
                        user + ":" + password,
                        "-o",
                        "/dev/null",
                        "-w",
                        "\n%{http_code}",
                        rig.base() + "/redfish/v1/AccountService"))
                .status();
    }

    @Test
    void twoHundredGuessesFromOneAddressLockThatAddressNotTheAdminElsewhere() {
        int hmacs = 0;
        long t0 = System.nanoTime();
        try (RawRakpClient stranger = new RawRakpClient("127.0.0.2", ipmi())) {
            for (int i = 0; i < 200; i++) {
                // every other guess answers RAKP 2 with a wrong RAKP 3; the others give up silently like ipmitool
                if (stranger.guess(ADMIN, "guess-" + i, i % 2 == 0) == RawRakpClient.HMAC_HANDED_OUT) {
                    hmacs++;
                }
            }
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "200 guesses from 127.0.0.2 in %d ms, %d RAKP 2 HMACs handed out%n",
                (System.nanoTime() - t0) / 1_000_000,
                hmacs);
        assertTrue(hmacs <= THRESHOLD, "offline-crackable HMACs handed out: " + hmacs);

        RedfishRig.Run admin = ipmitool(ADMIN, ADMIN_PW, "mc", "info");
        System.out.println("ipmitool (127.0.0.1) mc info as admin: exit " + admin.exit());
        assertEquals(0, admin.exit(), admin.out());
        assertTrue(admin.out().contains("Firmware Revision"), admin.out());
        assertEquals(200, curlFrom("127.0.0.1", ADMIN, ADMIN_PW), "Redfish from the admin's address");
        assertEquals(
                401,
                curlFrom("127.0.0.2", ADMIN, ADMIN_PW),
                "the stranger's address is locked out of admin on Redfish too, even with the right password");
    }

    @Test
    void ipmitoolGuessesLockTheirAddressOutOfThatAccountOnBothProtocols() {
        for (int i = 0; i < THRESHOLD; i++) {
            RedfishRig.Run r = ipmitool(VIEWER, "wrong-" + i, "-L", "USER", "mc", "info");
            assertTrue(r.exit() != 0, r.out());
        }
        RedfishRig.Run right = ipmitool(VIEWER, VIEWER_PW, "-L", "USER", "-v", "mc", "info");
        System.out.println("ipmitool right password after " + THRESHOLD + " wrong ones:\n" + right.out());
        assertTrue(right.exit() != 0 && right.out().contains("unauthorized name"), right.out());
        assertEquals(401, curlFrom("127.0.0.1", VIEWER, VIEWER_PW), "same lock on Redfish");
        assertEquals(200, curlFrom("127.0.0.3", VIEWER, VIEWER_PW), "another address is not locked");
        assertEquals(200, curlFrom("127.0.0.1", ADMIN, ADMIN_PW), "another account is not locked");
    }

    /** Issue #11 item 9: a locked-out account keeps no Redfish session. */
    @Test
    void anAccountLockedFromThreeAddressesLosesItsRedfishSessions() {
        RedfishRig.Run login = RedfishRig.run(List.of(
                "curl",
                "-sk",
                "-D",
                "-",
                "-o",
                "/dev/null",
                "-w",
                "\n%{http_code}",
                "-H",
                "Content-Type: application/json",
                "-d",
                "{\"UserName\":\"" + VIEWER + "\",\"Password\":\"" + VIEWER_PW + "\"}",
                rig.base() + "/redfish/v1/SessionService/Sessions"));
        assertEquals(201, login.status(), login.out());
        String token = login.out()
                .lines()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("x-auth-token:"))
                .findFirst()
                .orElseThrow()
                .substring("x-auth-token:".length())
                .trim();
        assertEquals(200, tokenGet(token));
        for (String from : List.of("127.0.0.2", "127.0.0.3", "127.0.0.4")) {
            for (int i = 0; i < THRESHOLD; i++) {
                assertEquals(401, curlFrom(from, VIEWER, "wrong-" + i));
            }
        }
        assertEquals(401, tokenGet(token), "the session of a locked account ended");
        assertEquals(401, curlFrom("127.0.0.1", VIEWER, VIEWER_PW), "locked from every address");
        assertEquals(200, curlFrom("127.0.0.1", ADMIN, ADMIN_PW));
    }

    private int tokenGet(String token) {
        return RedfishRig.run(List.of(
                        "curl",
                        "-sk",
                        "-H",
                        "X-Auth-Token: " + token,
                        "-o",
                        "/dev/null",
                        "-w",
                        "\n%{http_code}",
                        rig.base() + "/redfish/v1/AccountService"))
                .status();
    }
}
