package dev.bmcagent.ipmi.sdr;

/**
 * Linear conversion of a full sensor record (IPMI 2.0 §36.3): {@code y = (M*x + B*10^Bexp) * 10^Rexp},
 * with M and B 10-bit signed, Rexp and Bexp 4-bit signed. Units per §43.17 (01h degrees C, 06h Watts, 12h RPM).
 */
public record Linearization(int baseUnit, int m, int b, int bExp, int rExp) {
    public static final int UNIT_DEGREES_C = 0x01;
    public static final int UNIT_WATTS = 0x06;
    public static final int UNIT_RPM = 0x12;

    public Linearization {
        if (baseUnit < 0 || baseUnit > 0xFF) {
            throw new IllegalArgumentException("unit out of range: " + baseUnit);
        }
        if (m < -512 || m > 511 || b < -512 || b > 511) {
            throw new IllegalArgumentException("M/B must be 10-bit signed");
        }
        if (bExp < -8 || bExp > 7 || rExp < -8 || rExp > 7) {
            throw new IllegalArgumentException("exponents must be 4-bit signed");
        }
    }

    /** The real value of a raw reading. */
    public double toReal(int raw) {
        return (m * (double) raw + b * Math.pow(10, bExp)) * Math.pow(10, rExp);
    }

    /** The raw reading closest to a real value, clamped to 0-255. */
    public int toRaw(double value) {
        double raw = (value / Math.pow(10, rExp) - b * Math.pow(10, bExp)) / m;
        return (int) Math.max(0, Math.min(255, Math.round(raw)));
    }

    /** The six bytes of §43.1 bytes 25-30 (also Get Sensor Reading Factors bytes 3-8, §35.5). */
    public byte[] factorBytes() {
        return new byte[] {
            (byte) m, // M LS 8 bits
            (byte) ((m >> 2) & 0xC0), // M MS 2 bits (7:6), tolerance 0
            (byte) b, // B LS 8 bits
            (byte) ((b >> 2) & 0xC0), // B MS 2 bits (7:6), accuracy LS 0
            0x00, // accuracy MS, accuracy exp, sensor direction
            (byte) ((rExp & 0x0F) << 4 | (bExp & 0x0F)), // R exp (7:4), B exp (3:0)
        };
    }
}
