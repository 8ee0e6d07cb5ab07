package dev.bmcagent.acpi.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.BootOrderReconciler.Match;
import dev.bmcagent.acpi.policy.BootOrderReconciler.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootOrderReconcilerTest {

    private static final String HTTP6 = "UEFI: HTTPS IPv6 Network Adapter - 50:00:E6:8F:4F:32 P1";
    private static final String HTTP6_P2 = "UEFI: HTTPS IPv6 Network Adapter - 50:00:E6:8F:4F:33 P2";
    private static final String PXE4 = "UEFI: PXE IPv4 Intel(R) Ethernet - 3C:FD:FE:12:34:56 P1";
    private static final String HTTP4 = "UEFI: HTTPS IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1";
    private static final String DISK = "UEFI: Samsung SSD 980 PRO 1TB";

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
    }

    /**
     * Declared patterns (";"-separated) × reported options by alias → match.
     * H6 = HTTPS IPv6 P1, H6b = HTTPS IPv6 P2, P4 = PXE IPv4 P1, H4 = HTTPS IPv4 P1, D = disk.
     */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // declared first, in order, rest after
                ".*HTTP.*IPv6.*P1;.*PXE.*IPv4.*P1 | H6;P4;D;H4      | MATCH",
                // exactly the declared options, nothing else
                ".*HTTP.*IPv6.*P1;.*PXE.*IPv4.*P1 | H6;P4           | MATCH",
                // declared options reversed
                ".*HTTP.*IPv6.*P1;.*PXE.*IPv4.*P1 | P4;H6;D         | OUT_OF_ORDER",
                // an undeclared option before a declared one (firmware update appended ours at the end)
                ".*HTTP.*IPv6.*P1;.*PXE.*IPv4.*P1 | D;H6;P4         | OUT_OF_ORDER",
                ".*HTTP.*IPv6.*P1;.*PXE.*IPv4.*P1 | H6;D;P4         | OUT_OF_ORDER",
                // a declared interface absent: reordering cannot help
                ".*HTTP.*IPv6.*P1;.*PXE.*IPv4.*P1 | H6;D;H4         | MISSING",
                ".*HTTP.*IPv6.*P1                 | D;H4            | MISSING",
                // one pattern matching two options (both ports): they may sit together
                ".*HTTP.*IPv6.*;.*PXE.*IPv4.*P1   | H6;H6b;P4;D     | MATCH",
                ".*HTTP.*IPv6.*;.*PXE.*IPv4.*P1   | H6;P4;H6b       | OUT_OF_ORDER",
                // an option matching two patterns counts for the first one
                ".*IPv6.*;.*HTTPS.*               | H6;H4;D         | MATCH",
                ".*IPv6.*;.*HTTPS.*               | H4;H6;D         | OUT_OF_ORDER",
                // whole-string match: a pattern must match the whole option, not a substring
                "HTTPS IPv6                       | H6;D            | MISSING",
                // empty report
                ".*HTTP.*IPv6.*P1                 | ''              | MISSING",
            })
    void match(String declared, String reported, Match expected) {
        List<String> options =
                split(reported).stream().map(BootOrderReconcilerTest::option).toList();
        assertEquals(
                expected,
                BootOrderReconciler.match(
                        BootOrderReconciler.compile(split(declared)).orElseThrow(), options));
    }

    private static String option(String alias) {
        return switch (alias) {
            case "H6" -> HTTP6;
            case "H6b" -> HTTP6_P2;
            case "P4" -> PXE4;
            case "H4" -> HTTP4;
            case "D" -> DISK;
            default -> throw new IllegalArgumentException(alias);
        };
    }

    /** attempts so far × alarmed × report → verdict (max 3). */
    @ParameterizedTest(name = "attempts={0} alarmed={1} {2} -> {3}")
    @CsvSource({
        "0, false, good,      OK",
        "3, false, good,      OK",
        "3, true,  good,      OK",
        "0, false, scrambled, REAPPLY_AND_REBOOT",
        "2, false, scrambled, REAPPLY_AND_REBOOT",
        "3, false, scrambled, ALARM",
        "3, true,  scrambled, ALREADY_ALARMED",
        "0, false, missing,   ALARM",
        "0, true,  missing,   ALREADY_ALARMED",
    })
    void decide(int attempts, boolean alarmed, String report, Verdict expected) {
        List<String> reported = switch (report) {
            case "good" -> List.of(HTTP6, PXE4, DISK);
            case "scrambled" -> List.of(DISK, PXE4, HTTP6);
            default -> List.of(DISK, PXE4);
        };
        BootOrderReconciler r = new BootOrderReconciler(3);
        assertEquals(
                expected,
                r.decide(List.of(".*HTTP.*IPv6.*P1", ".*PXE.*IPv4.*P1"), attempts, alarmed, reported)
                        .verdict());
    }

    @Test
    void invalidPatternAlarmsInsteadOfThrowing() {
        BootOrderReconciler r = new BootOrderReconciler(3);
        BootOrderReconciler.Decision d = r.decide(List.of(".*HTTP(.*"), 0, false, List.of(HTTP6));
        assertEquals(Verdict.ALARM, d.verdict());
        assertTrue(BootOrderReconciler.compile(List.of("[")).isEmpty());
    }

    @Test
    void zeroAttemptsAlarmsAtOnce() {
        assertEquals(
                Verdict.ALARM,
                new BootOrderReconciler(0)
                        .decide(List.of(".*IPv6.*"), 0, false, List.of(DISK, HTTP6))
                        .verdict());
        assertThrows(IllegalArgumentException.class, () -> new BootOrderReconciler(-1));
    }
}
