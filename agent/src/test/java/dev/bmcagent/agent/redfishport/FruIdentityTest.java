package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.ipmi.fru.FruInventory;
import dev.bmcagent.redfish.backend.AssetIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FruIdentityTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void systemAndChassisReadTheFruTheBmcServes() {
        FruInventory fru = HostCommandTable.defaultInventory(T);
        AssetIdentity system = FruIdentity.system(fru).orElseThrow();
        assertEquals(new AssetIdentity("bmc-agent", "bmc-agent host", "SN0001", "BMCA-1", "BMCA-1"), system);
        AssetIdentity chassis = FruIdentity.chassis(fru).orElseThrow();
        assertEquals(new AssetIdentity("bmc-agent", "bmc-agent host", "CH0001", "BMCA-CH", "BMCA-1"), chassis);
    }

    @Test
    void aFruWithAnEmptyFieldGivesNoIdentityRatherThanEmptyStrings() {
        FruInventory blankSerial = new FruInventory(
                FruInventory.CHASSIS_RACK_MOUNT,
                "CP",
                "CS",
                T,
                "m",
                "b",
                "bs",
                "bp",
                "Vendor",
                "Model",
                "PN",
                "1.0",
                "",
                "-");
        assertTrue(FruIdentity.system(blankSerial).isEmpty());
        assertTrue(FruIdentity.chassis(blankSerial).isPresent());
    }
}
