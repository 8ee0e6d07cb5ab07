package dev.bmcagent.simulator.thermal;

import java.util.random.RandomGenerator;

/**
 * Steady-state temperatures of a host's parts: inlet plus a heat rise that depends on what the host is doing and
 * on fan duty (more airflow, less rise). Deliberately static — the agent's concerns are availability and gating,
 * not thermal dynamics.
 */
public final class ThermalModel {

    /** What the host is doing, as far as heat goes. */
    public enum Load {
        OFF,
        FIRMWARE,
        OS
    }

    /** A part with a temperature sensor. */
    public enum Part {
        CPU(25, 40),
        /** The system board near the voltage regulators, on standby power like the inlet sensor. */
        BOARD(4, 9),
        DIMM(8, 14),
        NIC(15, 20);

        private final double firmwareRise;
        private final double osRise;

        Part(double firmwareRise, double osRise) {
            this.firmwareRise = firmwareRise;
            this.osRise = osRise;
        }
    }

    private final double inlet;

    /** Inlet temperature 22-25 °C, drawn from the host's generator. */
    public ThermalModel(RandomGenerator rng) {
        this.inlet = 22 + rng.nextDouble() * 3;
    }

    public double inlet() {
        return inlet;
    }

    /** Temperature of {@code part} in °C under {@code load} with fans at {@code dutyPercent}. */
    public double temperature(Part part, Load load, double dutyPercent) {
        double airflow = 1.3 - 0.8 * Math.max(0, Math.min(100, dutyPercent)) / 100.0;
        return switch (load) {
            case OFF -> inlet;
            case FIRMWARE -> inlet + part.firmwareRise * airflow;
            case OS -> inlet + part.osRise * airflow;
            default -> throw new IllegalStateException("unknown load " + load);
        };
    }
}
