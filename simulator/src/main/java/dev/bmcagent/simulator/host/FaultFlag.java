package dev.bmcagent.simulator.host;

import dev.bmcagent.simulator.firmware.FirmwareComponent;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --fault} flag of {@code bmc demo} and {@code bmc simulate}: {@code host<N>:<fault>[=<value>]}, or
 * {@code all:<fault>[=<value>]} for every host. The faults ({@link Kind}) and what their value means:
 * <ul>
 *   <li>{@code dead-nics=N}: the next N network-boot attempts find no DHCP server (all NICs dead for N attempts);
 *   <li>{@code stuck-memory-training[=BOOTS]}: the next BOOTS boots (default 1) hang in memory training;
 *   <li>{@code fan-stall[=FAN]}: fan FAN (1-based, default 1) reads 0 RPM from the start;
 *   <li>{@code dimm-lost[=N]}: after the first boot reaches the OS, the last N DIMMs (default 1) stop answering;
 *   <li>{@code boot-order-reset}: after the first boot reaches the OS, a BIOS update is staged that resets
 *       BootOrder to the vendor defaults at the next boot;
 *   <li>{@code boot-order-lost}: boot-order writes are acknowledged and never reach NVRAM.
 * </ul>
 *
 * @param host  the host's index, or {@link #ALL_HOSTS}
 * @param kind  the fault
 * @param value its count (attempts, boots, fan number, DIMMs); 0 for faults without one
 */
public record FaultFlag(int host, Kind kind, int value) {
    /** {@link #host()} of an {@code all:} flag. */
    public static final int ALL_HOSTS = -1;
    /** Largest count a flag accepts (attempts, boots, DIMMs): a typo like 4000 is refused, not simulated. */
    public static final int MAX_VALUE = 100;

    private static final Pattern FORM = Pattern.compile("(?:host(\\d{1,5})|all):([a-z-]+)(?:=(\\d{1,3}))?");

    /** The faults, with their flag names. */
    public enum Kind {
        DEAD_NICS("dead-nics", -1),
        STUCK_MEMORY_TRAINING("stuck-memory-training", 1),
        FAN_STALL("fan-stall", 1),
        DIMM_LOST("dimm-lost", 1),
        BOOT_ORDER_RESET("boot-order-reset", 0),
        BOOT_ORDER_LOST("boot-order-lost", 0);

        private final String flag;
        /** The value when none is given: -1 = a value is required, 0 = the fault takes none. */
        private final int defaultValue;

        Kind(String flag, int defaultValue) {
            this.flag = flag;
            this.defaultValue = defaultValue;
        }

        public String flag() {
            return flag;
        }

        static Kind named(String name) {
            for (Kind k : values()) {
                if (k.flag.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown fault '" + name + "'; known: " + names());
        }

        /** Every fault's flag name, comma-separated. */
        public static String names() {
            return String.join(
                    ", ", java.util.Arrays.stream(values()).map(Kind::flag).toList());
        }
    }

    public FaultFlag {
        Objects.requireNonNull(kind, "kind");
        if (host < ALL_HOSTS) {
            throw new IllegalArgumentException("bad host index " + host);
        }
        if (kind.defaultValue == 0 ? value != 0 : value < 1 || value > MAX_VALUE) {
            throw new IllegalArgumentException(
                    kind.flag + (kind.defaultValue == 0 ? " takes no value" : " needs a value 1.." + MAX_VALUE)
                            + ", got " + value);
        }
    }

    /** Parses {@code host<N>:<fault>[=<value>]} or {@code all:<fault>[=<value>]}; IllegalArgumentException if bad. */
    public static FaultFlag parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--fault must be host<N>:<fault>[=<value>] or all:<fault>[=<value>], "
                    + "e.g. host0:dead-nics=4: '" + text + "'");
        }
        Kind kind = Kind.named(m.group(2));
        int host = m.group(1) == null ? ALL_HOSTS : Integer.parseInt(m.group(1));
        int value;
        if (m.group(3) != null) {
            value = Integer.parseInt(m.group(3));
        } else if (kind.defaultValue < 0) {
            throw new IllegalArgumentException(kind.flag + " needs a value, e.g. " + kind.flag + "=4: '" + text + "'");
        } else {
            value = kind.defaultValue;
        }
        return new FaultFlag(host, kind, value);
    }

    /** Parses every flag; IllegalArgumentException names the first bad one. */
    public static List<FaultFlag> parseAll(List<String> flags) {
        return flags.stream().map(FaultFlag::parse).toList();
    }

    /** Checks that the flag names an existing host and a fan or DIMM count that host has. */
    public void check(int hosts, HostConfig config, int fans) {
        if (host >= hosts) {
            throw new IllegalArgumentException("--fault host" + host + ": there are only " + hosts + " host(s)");
        }
        if (kind == Kind.FAN_STALL && value > fans) {
            throw new IllegalArgumentException("--fault fan-stall=" + value + ": a host has " + fans + " fans");
        }
        if (kind == Kind.DIMM_LOST && value >= config.dimms()) {
            throw new IllegalArgumentException(
                    "--fault dimm-lost=" + value + ": a host has " + config.dimms() + " DIMMs, at least one must stay");
        }
    }

    /** Whether this flag applies to host {@code index}. */
    public boolean appliesTo(int index) {
        return host == ALL_HOSTS || host == index;
    }

    /**
     * Applies the fault to {@code h}, which has not started yet (call before the simulation runs; later faults
     * are armed from the host's own first OS start, on the simulation's thread).
     */
    public void applyTo(SimulatedHost h) {
        HostFaults f = h.faults();
        switch (kind) {
            case DEAD_NICS -> f.deadNetworkAttempts(value);
            case STUCK_MEMORY_TRAINING -> f.hangInMemoryTraining(value);
            case FAN_STALL -> f.stallFan(value - 1, true);
            case BOOT_ORDER_LOST -> f.bootOrderWriteLost(true);
            case DIMM_LOST -> afterFirstOs(h, () -> f.loseDimms(value));
            case BOOT_ORDER_RESET ->
                afterFirstOs(h, () -> {
                    f.biosUpdateResetsBootOrder(true);
                    h.flash(FirmwareComponent.BIOS);
                });
        }
    }

    private static void afterFirstOs(SimulatedHost h, Runnable action) {
        boolean[] done = {false};
        h.onOsRunning(record -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        });
    }

    @Override
    public String toString() {
        return (host == ALL_HOSTS ? "all" : "host" + host) + ":" + kind.flag
                + (kind.defaultValue == 0 ? "" : "=" + value);
    }
}
