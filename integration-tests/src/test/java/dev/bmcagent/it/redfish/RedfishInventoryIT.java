package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory and certificate resources through the real Redfish clients: sushy reads UpdateService (not enabled,
 * FirmwareInventory with the versions the host set over its system interface) and CertificateService's locations;
 * redfishtool reads a DIMM lost since the last good boot.
 */
class RedfishInventoryIT {
    @TempDir
    Path dir;

    @Test
    void sushyAndRedfishtoolReadFirmwareMemoryAndCertificates() throws Exception {
        try (RedfishRig rig = new RedfishRig(dir)) {
            rig.powerOn();
            rig.send(0x06, 0x58, "01 00 00 0B 45 44 4B 32 20 32 30 32 35 30 32"); // BIOS "EDK2 202502"
            rig.send(0x06, 0x58, "C0 00 00 06 32 30 2E 35 2E 31"); // NIC0 option ROM "20.5.1"
            rig.send(0x06, 0x58, "D0 00 00 03 41 4D 49"); // BIOS vendor "AMI"
            rig.send(0x30, 0x14, "00 80 00 00 04 04 0F"); // 32 GiB, 4 of 4 DIMMs, slots 0-3: a good boot
            rig.send(0x30, 0x14, "00 60 00 00 03 04 0B"); // next boot: 24 GiB, 3 of 4, slot 2 missing

            RedfishRig.Run sushy = RedfishRig.run(List.of(
                    "/usr/bin/python3",
                    "-c",
                    String.join(
                            "\n",
                            "import sushy, urllib3",
                            "urllib3.disable_warnings()",
                            "root = sushy.Sushy('" + rig.base() + "/redfish/v1', username='" + ADMIN + "', password='"
                                    + ADMIN_PW + "', verify=False)",
                            "u = root.get_update_service()",
                            "print('enabled', u.service_enabled)",
                            "for m in u.firmware_inventory.get_members():",
                            "    print('fw', m.identity, m.version, m.updateable, m.manufacturer)",
                            "c = root.get_certificate_service()",
                            "for x in c.certificate_locations.get_members():",
                            "    print('certificate', x.path, x.subject.common_name, x.fingerprint_hash_algorithm)")));
            System.out.println("sushy:\n" + sushy.out());
            assertEquals(0, sushy.exit(), sushy.out());
            assertTrue(sushy.out().contains("enabled False"), sushy.out());
            assertTrue(sushy.out().contains("fw host0-BIOS EDK2 202502 False AMI"), sushy.out());
            // the host reported no manufacturer for the NIC's option ROM: none is invented
            assertTrue(sushy.out().contains("fw host0-NIC0 20.5.1 False None"), sushy.out());
            assertTrue(sushy.out().contains("fw bmc it-1.0 False bmc-agent project"), sushy.out()); // the build
            assertTrue(
                    sushy.out()
                            .contains("certificate /redfish/v1/Managers/bmc/NetworkProtocol/HTTPS/Certificates/1"
                                    + " localhost TPM_ALG_SHA256"),
                    sushy.out());

            RedfishRig.Run tool = RedfishRig.run(List.of(
                    "redfishtool",
                    "-r",
                    "127.0.0.1:" + rig.redfish.port(),
                    "-u",
                    ADMIN,
                    "-p",
                    ADMIN_PW,
                    "-S",
                    "Always",
                    "raw",
                    "GET",
                    "/redfish/v1/Systems/host0/Memory/DIMM2"));
            System.out.println("redfishtool raw GET Memory/DIMM2:\n" + tool.out());
            assertEquals(0, tool.exit(), tool.out());
            assertTrue(tool.out().contains("\"State\": \"Absent\""), tool.out());
            assertTrue(tool.out().contains("\"Health\": \"Critical\""), tool.out());
        }
    }
}
