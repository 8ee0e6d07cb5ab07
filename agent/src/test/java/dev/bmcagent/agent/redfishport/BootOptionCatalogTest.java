package dev.bmcagent.agent.redfishport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.redfish.backend.BootOptionView;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootOptionCatalogTest {
    static final String HTTP4 = "UEFI: HTTPS IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1";
    static final String PXE4 = "UEFI: PXE IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1";
    static final String HTTP6 = "UEFI: HTTPS IPv6 Network Adapter - 50:00:E6:8F:4F:32 P1";

    @Test
    void referencesAreStableAcrossReorderedReports() {
        BootOptionCatalog c = new BootOptionCatalog();
        assertEquals(
                List.of("Boot0001", "Boot0002"),
                c.views(List.of(HTTP4, PXE4)).stream()
                        .map(BootOptionView::reference)
                        .toList());
        assertEquals(
                List.of("Boot0003", "Boot0002", "Boot0001"),
                c.views(List.of(HTTP6, PXE4, HTTP4)).stream()
                        .map(BootOptionView::reference)
                        .toList());
        assertEquals(Optional.of(HTTP6), c.display("Boot0003"));
    }

    @Test
    void patternsAreExactAndMapBack() {
        BootOptionCatalog c = new BootOptionCatalog();
        List<BootOptionView> views = c.views(List.of(HTTP4, PXE4, HTTP6));
        String p = c.pattern("Boot0003").orElseThrow();
        assertEquals(HTTP6, p); // no metacharacter in it: itself
        assertEquals(
                "Disk \\(SATA\\) 0\\.5 \\[a\\|b\\]\\*\\?\\\\", BootOptionCatalog.exact("Disk (SATA) 0.5 [a|b]*?\\"));
        assertTrue("Disk (SATA) 0.5 [a|b]*?\\".matches(BootOptionCatalog.exact("Disk (SATA) 0.5 [a|b]*?\\")));
        assertFalse("Disk xSATAx 0x5".matches(BootOptionCatalog.exact("Disk (SATA) 0.5")));
        assertEquals(
                List.of("Boot0003", "Boot0001"),
                BootOptionCatalog.references(List.of(p, c.pattern("Boot0001").orElseThrow()), views));
        // a declared pattern (configuration, Oem.BmcAgent.BootOrderPatterns) shows as every option it matches that
        // an earlier pattern did not take, in the reported order; a bad one is left out, unmatched options too
        assertEquals(
                List.of("Boot0003", "Boot0001"),
                BootOptionCatalog.references(List.of(".*HTTP.*IPv6.*P1", "(", ".*HTTP.*"), views));
        assertEquals(
                List.of("Boot0001", "Boot0003", "Boot0002"),
                BootOptionCatalog.references(List.of(".*HTTPS.*", ".*PXE.*"), views));
        assertEquals(List.of("Boot0003"), BootOptionCatalog.references(List.of(".*IPv6.*"), views));
        assertEquals(Optional.empty(), c.pattern("Boot0009"));
    }
}
