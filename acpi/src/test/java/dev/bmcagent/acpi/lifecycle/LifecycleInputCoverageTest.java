package dev.bmcagent.acpi.lifecycle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every {@link LifecycleInput} type is handled by {@link DefaultHostLifecycle}. Java 17 has no exhaustive pattern
 * switch, so the transition function is an {@code instanceof} chain that throws on a type it does not know: this test
 * stands in for the compiler. Adding a permitted type without a sample here fails {@link #everyPermittedTypeHasASample};
 * adding one without a handler fails {@link #everyInputIsHandledWhateverThePowerState}.
 */
class LifecycleInputCoverageTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    /** One instance of every permitted input type. */
    static List<LifecycleInput> samples() {
        return List.of(
                new LifecycleInput.AcpiReported(Optional.of(AcpiSystemState.S2_D2), Optional.of(AcpiDeviceState.D0)),
                new LifecycleInput.PowerGood(true),
                new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM),
                new LifecycleInput.HostConnected(),
                new LifecycleInput.HostDisconnected(),
                new LifecycleInput.Progress(new ProgressCode.PostCode(0x1D)),
                new LifecycleInput.FirmwareProblem(LifecycleInput.FirmwareProblemKind.HANG, 0x01),
                new LifecycleInput.BootError(LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, "UEFI: PXE IPv4 P1"),
                new LifecycleInput.MemoryReported(8, 8, 65536),
                new LifecycleInput.OsBootComplete(),
                new LifecycleInput.PowerCommand(LifecycleInput.PowerAction.WARM_RESET),
                new LifecycleInput.Tick(),
                new LifecycleInput.SensorHealth("dimm0_temp", true, "read failed"),
                new LifecycleInput.FanStalled("fan0", true),
                new LifecycleInput.BootOrderReported(List.of("UEFI: HTTPS IPv4 P1", "UEFI: PXE IPv4 P1")),
                new LifecycleInput.BootOrderRefused(),
                new LifecycleInput.BootOrderDeclared(List.of(".*HTTPS.*IPv4.*")));
    }

    @Test
    void everyPermittedTypeHasASample() {
        Set<Class<?>> permitted = Set.copyOf(Arrays.asList(LifecycleInput.class.getPermittedSubclasses()));
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(permitted, sampled, "add a sample of every new LifecycleInput type (and handle it)");
    }

    @Test
    void everyInputIsHandledWhateverThePowerState() {
        HostLifecycle lifecycle = new DefaultHostLifecycle();
        HostState off = HostState.initial(T0);
        HostState on =
                lifecycle.apply(off, new LifecycleInput.PowerGood(true), T0).state();
        HostState firmware = lifecycle
                .apply(on, new LifecycleInput.AcpiReported(Optional.of(AcpiSystemState.S2_D2), Optional.empty()), T0)
                .state();
        for (HostState state : List.of(off, on, firmware)) {
            for (LifecycleInput input : samples()) {
                Transition t = assertDoesNotThrow(
                        () -> lifecycle.apply(state, input, T0.plusSeconds(1)),
                        () -> input.getClass().getSimpleName() + " is not handled");
                assertTrue(t.state() != null);
            }
        }
    }

    @Test
    void everyEffectTypeIsNamedForTheAgentsTest() {
        // the agent's HostAgentTest (ALL_KINDS) carries out one of each through its port
        Function<Class<?>, String> name = Class::getSimpleName;
        Set<String> effects =
                Arrays.stream(Effect.class.getPermittedSubclasses()).map(name).collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "AppendSel",
                        "SetGate",
                        "SetFanMode",
                        "HostPowerAction",
                        "ApplyBootOrder",
                        "Emit",
                        "RecordMemory"),
                effects,
                "a new Effect type: handle it in HostAgent.execute and add one to HostAgentTest.ALL_KINDS");
    }
}
