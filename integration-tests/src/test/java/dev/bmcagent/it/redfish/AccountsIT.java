package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #11 items 10 and 11 with curl and ipmitool against the agent's own account store. */
class AccountsIT {
    static final String ACCOUNTS = "/redfish/v1/AccountService/Accounts";

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

    private String idOf(String user) {
        for (var m : rig.get(ACCOUNTS).get("Members")) {
            String uri = m.get("@odata.id").asText();
            if (rig.get(uri).get("UserName").asText().equals(user)) {
                return uri.substring(uri.lastIndexOf('/') + 1);
            }
        }
        throw new AssertionError("no account " + user);
    }

    private RedfishRig.Run ipmitool(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(rig.runtime.ipmiAddress(0).getPort()),
                "-U",
                ADMIN,
                "-P",
                ADMIN_PW,
                "-C",
                "17"));
        cmd.addAll(List.of(args));
        return RedfishRig.run(cmd);
    }

    /** Before: ids were positions in name order, so creating "aaa" renumbered everybody and DELETE hit the wrong one. */
    @Test
    void creatingAaaRenumbersNobodyAndDeleteRemovesExactlyThatAccount() {
        String admin = idOf(ADMIN);
        String operator = idOf(RedfishRig.OPERATOR);
        String viewer = idOf(RedfishRig.VIEWER);
        String adminLine = ipmitool("user", "list", "1")
                .out()
                .lines()
                .filter(l -> l.contains(" admin "))
                .findFirst()
                .orElseThrow();
        RedfishRig.Run created = rig.curl(
                ADMIN,
                ADMIN_PW,
                "POST",
                ACCOUNTS,
                "{\"UserName\":\"aaa\",\"Password\":\"Aaa-Secret1\",\"RoleId\":\"ReadOnly\"}");
        assertEquals(201, created.status(), created.out());
        assertEquals(
                List.of(admin, operator, viewer),
                List.of(idOf(ADMIN), idOf(RedfishRig.OPERATOR), idOf(RedfishRig.VIEWER)),
                "nobody renumbered");
        RedfishRig.Run list = ipmitool("user", "list", "1");
        System.out.println("ipmitool user list 1 after creating aaa:\n" + list.out());
        assertTrue(list.out().contains(adminLine), "the admin's IPMI user id did not move: " + list.out());
        assertEquals(
                204,
                rig.curl(ADMIN, ADMIN_PW, "DELETE", ACCOUNTS + "/" + operator, null)
                        .status());
        assertEquals(
                404,
                rig.curl(ADMIN, ADMIN_PW, "GET", ACCOUNTS + "/" + operator, null)
                        .status());
        assertEquals(
                "aaa", rig.get(ACCOUNTS + "/" + idOf("aaa")).get("UserName").asText());
        assertEquals(
                RedfishRig.VIEWER,
                rig.get(ACCOUNTS + "/" + viewer).get("UserName").asText());
        RedfishRig.Run again = rig.curl(
                ADMIN,
                ADMIN_PW,
                "POST",
                ACCOUNTS,
                "{\"UserName\":\"bbb\",\"Password\":\"Bbb-Secret1\",\"RoleId\":\"ReadOnly\"}");
        assertTrue(!idOf("bbb").equals(operator), "a deleted account's id is not handed out again");
        assertEquals(201, again.status());
    }

    @Test
    void theLastAdministratorCannotDemoteDisableOrDeleteItself() {
        String admin = ACCOUNTS + "/" + idOf(ADMIN);
        RedfishRig.Run demote = rig.curl(ADMIN, ADMIN_PW, "PATCH", admin, "{\"RoleId\":\"Operator\"}");
        System.out.println("PATCH RoleId Operator on the last admin: " + demote.out());
        assertEquals(400, demote.status());
        assertTrue(
                demote.out().contains("PropertyValueIncorrect") && demote.out().contains("last enabled Administrator"),
                demote.out());
        assertEquals(
                400,
                rig.curl(ADMIN, ADMIN_PW, "PATCH", admin, "{\"Enabled\":false}").status());
        assertEquals(405, rig.curl(ADMIN, ADMIN_PW, "DELETE", admin, null).status());
        assertEquals("Administrator", rig.get(admin).get("RoleId").asText());
        assertTrue(ipmitool("mc", "info").out().contains("Firmware Revision"), "still an IPMI administrator");
    }

    /** Before: the presented password was encoded as US-ASCII, so "pass?word1" matched "passéword1". */
    @Test
    void aNonAsciiPasswordNeverMatchesAStoredQuestionMark() {
        assertEquals(
                201,
                rig.curl(
                                ADMIN,
                                ADMIN_PW,
                                "POST",
                                ACCOUNTS,
                                "{\"UserName\":\"q\",\"Password\":\"pass?word1\",\"RoleId\":\"ReadOnly\"}")
                        .status());
        assertEquals(
                200,
                rig.curl("q", "pass?word1", "GET", "/redfish/v1/AccountService", null)
                        .status());
        assertEquals(
                401,
                rig.curl("q", "pass\u00e9word1", "GET", "/redfish/v1/AccountService", null)
                        .status());
        RedfishRig.Run nonAscii = rig.curl(
                ADMIN,
                ADMIN_PW,
                "POST",
                ACCOUNTS,
                "{\"UserName\":\"r\",\"Password\":\"pass\u00e9word1\",\"RoleId\":\"ReadOnly\"}");
        assertEquals(400, nonAscii.status(), "IPMI cannot carry it: refused when set");
    }
}
