package dev.bmcagent.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.simulator.bmc.AgentBmcOptions;
import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.fleet.Fleet;
import dev.bmcagent.simulator.report.SimulationReport;
import dev.bmcagent.simulator.report.SimulationSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenarios of {@code bmc simulate}, fleet mode with the real agent core, small N, fixed seed.
 * Each is also a documented command in docs/SIMULATOR.md (section "Running the simulator").
 */
class FleetAcceptanceTest {

    private static SimulationReport run(
            String scenario, int hosts, String bootOrder, boolean gating, boolean fanPolicy, int nics) {
        return run(request(scenario, hosts, bootOrder, gating, fanPolicy, nics));
    }

    private static SimulationRequest request(
            String scenario, int hosts, String bootOrder, boolean gating, boolean fanPolicy, int nics) {
        List<String> declared = bootOrder.equals("declared") ? AgentBmcOptions.DECLARED_HTTPS_IPV6 : List.of();
        return SimulationRequest.of(
                new SimulationSettings(scenario, hosts, 7, "vendor", declared, gating, fanPolicy), nics);
    }

    private static SimulationReport run(SimulationRequest request) {
        SimulationReport r = FleetSimulation.run(request, Fleet.Progress.NONE, System::nanoTime);
        assertEquals(0, r.fleet().stuckHosts(), "stuck hosts");
        assertEquals(r.host(), r.agent(), "agent events agree with host records");
        return r;
    }

    private static void within10Percent(Duration actual, Duration expected) {
        assertTrue(
                actual.toMillis() >= expected.toMillis() * 9 / 10 && actual.toMillis() <= expected.toMillis() * 11 / 10,
                actual + " within 10 % of " + expected);
    }

    @Test
    void vendorOrderLosesFiveMinutesPerDeadInterfaceAndTwentyPerBoot() {
        SimulationReport r = run("reboot", 10, "vendor", true, true, 4);
        within10Percent(r.deadPerBoot(), Duration.ofMinutes(20));
        r.sampleBoots().get(0).attempts().stream()
                .filter(a -> !a.succeeded())
                .forEach(a -> assertEquals(Duration.ofMinutes(5), a.cost()));
        assertEquals(20, r.agent().stuckAlerts(), "network boot over 10 min: stuck alert every boot");
    }

    @Test
    void vendorOrderFirmwareCycleWithNvramResetLosesThreeQuartersOfAnHour() {
        SimulationReport r = run(request("firmware-upgrade", 10, "vendor", true, true, 4)
                .withBiosUpdate(BiosUpdateEffect.RESET_TO_DEFAULTS));
        within10Percent(r.deadPerCycle(), Duration.ofMinutes(45));
        assertEquals(Duration.ZERO, r.reapplyPerCycle(), "no declared order, nothing re-applied");
        assertEquals(r.deadPerCycle(), r.lostPerCycle());
    }

    private static SimulationRequest forcePriority(String bootOrder, int upgrades) {
        SimulationRequest r = request("firmware-upgrade", 10, bootOrder, true, true, 4);
        return new SimulationRequest(
                r.settings().withUpgrades(upgrades).withForcePriority(true),
                r.bmc(),
                r.nics(),
                false,
                Optional.empty(),
                r.biosUpdate(),
                List.of(),
                0);
    }

    @Test
    void forcePriorityFirmwareLosesAnHourPerThreeRebootUpgradeAndFourOverAStaleNodesFourUpgrades() {
        // the field: HTTPS IPv4 then iPXE time out (~5 min each) before HTTPS IPv6, ~20 min per boot, every boot,
        // whatever the updates do to BootOrder; a node several releases behind steps through several upgrades
        SimulationReport one = run(forcePriority("vendor", 1));
        within10Percent(one.deadPerBoot(), Duration.ofMinutes(20));
        within10Percent(one.lostPerCycle(), Duration.ofHours(1));
        SimulationReport stack = run(forcePriority("vendor", 4));
        assertEquals(120, stack.fleet().bootTime().count(), "4 upgrades x 3 reboots x 10 hosts");
        within10Percent(stack.lostPerCycle(), Duration.ofHours(4));
    }

    @Test
    void firmwareThatIgnoresTheDeclaredOrderIsAnAlarmAtOnceNotThreeReboots() {
        SimulationReport r = run(forcePriority("declared", 1));
        assertEquals(0, r.agent().reconcileReboots(), "the firmware said it ignores BootOrder: no reboot can help");
        assertEquals(10, r.agent().bootOrderAlarms());
    }

    @Test
    void declaredOrderLosesUnderAMinutePerBootAndReappliesAfterEachScramblingUpdate() {
        SimulationReport r = run("firmware-upgrade", 10, "declared", true, true, 4);
        assertTrue(r.deadPerBoot().compareTo(Duration.ofMinutes(1)) < 0, "per boot " + r.deadPerBoot());
        assertEquals(20, r.agent().reconcileReboots(), "BIOS and NIC updates each scramble once");
        // what the declared order costs: no dead interface, but each re-apply repeats a POST up to BDS
        // (2 s to firmware + 4 s CPU + SPD reads + 25 s short training + 3 s APs + 20 s DXE, about 55 s ±10 %)
        assertEquals(Duration.ZERO, r.deadPerCycle());
        assertTrue(
                r.reapplyPerCycle().compareTo(Duration.ofSeconds(95)) > 0
                        && r.reapplyPerCycle().compareTo(Duration.ofSeconds(125)) < 0,
                "re-apply " + r.reapplyPerCycle());
        assertTrue(r.lostPerCycle().compareTo(Duration.ofMinutes(3)) < 0, "per cycle " + r.lostPerCycle());
        assertEquals(0, r.agent().bootOrderAlarms());
        var last = r.sampleBoots().get(r.sampleBoots().size() - 1);
        assertTrue(
                last.bootOrderAtPost().get(0).contains("HTTPS IPv6"),
                last.bootOrderAtPost().toString());
        assertEquals(1, last.attempts().size());
    }

    @Test
    void declaredOrderIsReappliedAfterABiosUpdateThatResetsNvramWithFourNics() {
        // 16 vendor-named options (~62 bytes each) need 4 chunks of 30h/11h: the agent must see all of them
        SimulationReport r = run(request("firmware-upgrade", 10, "declared", true, true, 4)
                .withBiosUpdate(BiosUpdateEffect.RESET_TO_DEFAULTS));
        assertEquals(0, r.agent().bootOrderAlarms(), "the IPv6 options are in the (whole) reported order");
        assertEquals(20, r.agent().reconcileReboots(), "BIOS reset and NIC update each cost one extra reboot");
        assertTrue(r.lostPerCycle().compareTo(Duration.ofMinutes(3)) < 0, "per cycle " + r.lostPerCycle());
        var last = r.sampleBoots().get(r.sampleBoots().size() - 1);
        assertEquals(17, last.bootOrderAtPost().size(), "16 network options and the disk, all reported");
        assertTrue(
                last.bootOrderAtPost().get(0).contains("HTTPS IPv6"),
                last.bootOrderAtPost().toString());
        assertEquals(1, last.attempts().size());
    }

    @Test
    void aDeclaredOrderNamingEveryOptionOfAFourNicHostExactlyIsApplied() {
        // what a Redfish BootOrder PATCH declares: each of the 17 options by its exact name (about 65 bytes as a
        // pattern), 30h/12h in six responses; the same seed gives the same host, so its names are known up front
        SimulationReport vendor = run("reboot", 1, "vendor", true, true, 4);
        List<String> names = vendor.sampleBoots().get(0).bootOrderAtPost();
        assertEquals(17, names.size(), names.toString());
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        List<String> wanted = new ArrayList<>(); // the vendor order reversed, but the HTTPS IPv6 options first
        reversed.stream().filter(n -> n.contains("HTTPS IPv6")).forEach(wanted::add);
        reversed.stream().filter(n -> !n.contains("HTTPS IPv6")).forEach(wanted::add);
        SimulationReport r = run(SimulationRequest.of(
                new SimulationSettings(
                        "reboot",
                        1,
                        7,
                        "vendor",
                        wanted.stream().map(Pattern::quote).toList(),
                        true,
                        true),
                4));
        assertEquals(0, r.agent().bootOrderAlarms());
        assertEquals(0, r.agent().reconcileReboots(), "applied at the first POST, so nothing to re-apply");
        for (var boot : r.sampleBoots()) {
            assertEquals(wanted, boot.bootOrderAtPost());
            assertEquals(1, boot.attempts().size(), "HTTPS IPv6, first in the declared order, boots at once");
        }
    }

    @Test
    void aBootOrderWriteThatNeverSticksAlarmsAfterThreeReappliesWithoutARebootLoop() {
        SimulationReport r =
                run(request("firmware-upgrade", 5, "declared", true, true, 1).withBootOrderWriteLost(true));
        assertEquals(15, r.agent().reconcileReboots(), "3 re-applies per host, then no more");
        assertEquals(5, r.agent().bootOrderAlarms());
        assertEquals(5, r.fleet().finishedHosts());
    }

    @Test
    void withoutGatingSomeBootsLoseADimm() {
        SimulationReport r = run("reboot", 200, "vendor", false, true, 1);
        assertTrue(r.fleet().smbusCollisions() > 0);
        assertTrue(r.fleet().bootsWithMissingDimms() > 0);
    }

    @Test
    void withGatingTenThousandBootsHaveNoCollisionAndNoMissingDimm() {
        SimulationReport r = run("reboot", 5000, "vendor", true, true, 1);
        assertEquals(5000, r.fleet().bootTime().count());
        assertEquals(0, r.fleet().smbusCollisions(), "collisions across 10,000 boots");
        assertEquals(0, r.fleet().bootsWithMissingDimms());
        assertEquals(0, r.fleet().failedSpdReads());
    }

    @Test
    void naiveFanPolicyEntersFailSafeOnEveryBootTheAgentNever() {
        SimulationReport naive = run("reboot", 20, "vendor", true, false, 1);
        assertEquals(40, naive.agent().failSafeEntries(), "every boot (power-on and reboot)");
        SimulationReport agent = run("reboot", 20, "vendor", true, true, 1);
        assertEquals(0, agent.agent().failSafeEntries());
    }

    @Test
    void aRealSensorFaultInS0StillEntersFailSafe() {
        SimulationReport r =
                run(request("reboot", 20, "vendor", true, true, 1).withBrokenSensor(Optional.of("CPU_TEMP")));
        assertEquals(40, r.agent().failSafeEntries(), "once per boot, in S0");
    }

    @Test
    void aRunIsDeterministicForASeed() {
        SimulationReport a = run("firmware-upgrade", 30, "declared", false, true, 2);
        SimulationReport b = run("firmware-upgrade", 30, "declared", false, true, 2);
        assertEquals(a.fleet(), b.fleet());
        assertEquals(a.bootTimes(), b.bootTimes());
    }
}
