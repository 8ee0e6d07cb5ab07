package dev.bmcagent.simulator.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.progress.BootPhase;
import org.junit.jupiter.api.Test;

/**
 * The simulated firmware keeps its own copy of the boot-phase table ({@link FirmwarePhase}), an independent oracle of
 * what a UEFI sends; the BMC's is acpi's {@link BootPhase} (docs/PROTOCOL-REFERENCE.md "Boot progress: one timeline,
 * four vocabularies"). Row by row, the three codes must agree.
 */
class FirmwarePhaseTableTest {

    @Test
    @SuppressWarnings("EnumOrdinal") // the two tables are compared row by row, in declaration order, on purpose
    void everyPhaseHasTheBmcsCodesInAllThreeVocabularies() {
        assertEquals(BootPhase.values().length, FirmwarePhase.values().length, "one row per phase in both tables");
        for (int i = 0; i < BootPhase.values().length; i++) {
            BootPhase bmc = BootPhase.values()[i];
            FirmwarePhase host = FirmwarePhase.values()[i];
            assertEquals(bmc.efiValue(), host.efiCodeValue(), host + " EFI status code");
            assertEquals(bmc.postCode(), host.postCode(), host + " port-80 code");
            assertEquals(bmc.ipmiEventData2(), host.ipmiProgressCode(), host + " IPMI 0Fh event data 2");
        }
    }
}
