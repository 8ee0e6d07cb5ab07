package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.progress.BootProgressState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One boot cycle: from power-on (or warm reset) to OSRunning or power-off, with its timeline.
 *
 * @param number      per-host boot cycle number (1, 2, ...), as OpenBMC's PostCodes "B&lt;n&gt;"
 * @param startedAt   power-on or reset time
 * @param cause       why it started (power on, reset, power cycle...)
 * @param phases      each boot progress change, in order
 * @param postCodes   raw POST codes seen, in order (bounded by the lifecycle)
 * @param attempts    network-boot attempts that failed, with interface and time lost
 * @param endedAt     when the cycle ended (empty while running)
 * @param outcome     how it ended (empty while running)
 */
public record BootCycle(
        long number,
        Instant startedAt,
        String cause,
        List<PhaseMark> phases,
        List<PostCodeMark> postCodes,
        List<NetworkBootAttempt> attempts,
        Optional<Instant> endedAt,
        Optional<Outcome> outcome) {
    public BootCycle {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(cause, "cause");
        phases = List.copyOf(phases);
        postCodes = List.copyOf(postCodes);
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A boot progress state reached at a time; {@code detail} names the raw code (always, for OEM). */
    public record PhaseMark(BootProgressState state, String detail, Instant at) {
        public PhaseMark {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A raw POST code at a time. */
    public record PostCodeMark(int code, Instant at) {
        public PostCodeMark {
            Objects.requireNonNull(at, "at");
        }
    }

    /** A failed network-boot attempt. */
    public record NetworkBootAttempt(
            String interfaceName,
            LifecycleInput.BootErrorKind kind,
            Duration timeLost,
            Instant at,
            Optional<BootInterface> iface) {
        public NetworkBootAttempt {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(timeLost, "timeLost");
            Objects.requireNonNull(at, "at");
            iface = iface == null ? Optional.empty() : iface; // histories written before the field
        }

        public NetworkBootAttempt(
                String interfaceName, LifecycleInput.BootErrorKind kind, Duration timeLost, Instant at) {
            this(interfaceName, kind, timeLost, at, Optional.empty());
        }
    }

    public enum Outcome {
        OS_RUNNING,
        POWERED_OFF,
        RESET
    }

    /** A new running cycle with an empty timeline. */
    public static BootCycle start(long number, Instant at, String cause) {
        return new BootCycle(number, at, cause, List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /** Whether the cycle is still running (no outcome yet). */
    public boolean running() {
        return outcome.isEmpty();
    }

    /** This cycle with a phase appended. */
    public BootCycle withPhase(PhaseMark mark) {
        return new BootCycle(number, startedAt, cause, append(phases, mark), postCodes, attempts, endedAt, outcome);
    }

    /** This cycle with a POST code appended, keeping only the most recent {@code max}. */
    public BootCycle withPostCode(PostCodeMark mark, int max) {
        List<PostCodeMark> codes = append(postCodes, mark);
        if (codes.size() > max) {
            codes = codes.subList(codes.size() - max, codes.size());
        }
        return new BootCycle(number, startedAt, cause, phases, codes, attempts, endedAt, outcome);
    }

    /** This cycle with a failed network-boot attempt appended. */
    public BootCycle withAttempt(NetworkBootAttempt attempt) {
        return new BootCycle(number, startedAt, cause, phases, postCodes, append(attempts, attempt), endedAt, outcome);
    }

    /** This cycle ended at {@code at} with {@code how}. */
    public BootCycle end(Instant at, Outcome how) {
        return new BootCycle(number, startedAt, cause, phases, postCodes, attempts, Optional.of(at), Optional.of(how));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new java.util.ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return copy;
    }

    /** Total time from start to end (or to {@code now} while running). */
    public Duration elapsed(Instant now) {
        return Duration.between(startedAt, endedAt.orElse(now));
    }
}
