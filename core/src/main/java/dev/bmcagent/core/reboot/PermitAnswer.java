package dev.bmcagent.core.reboot;

import java.util.Objects;

/**
 * The answer to a {@link RebootRequest}.
 *
 * @param verdict what the agent does
 * @param detail  why (the grant's sequence and lease, the local rule, the unreachable coordinator)
 */
public record PermitAnswer(Verdict verdict, String detail) {
    /** What the agent does with its reboot. */
    public enum Verdict {
        /** A coordinator granted a permit: reboot now. */
        GRANTED,
        /** No permit, but the local rule says reboot anyway (no coordinator, or unreachable with rule PROCEED). */
        PROCEED,
        /** Do not reboot (unreachable coordinator with rule HOLD, or the campaign is halted). */
        HOLD
    }

    public PermitAnswer {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }

    public static PermitAnswer granted(String detail) {
        return new PermitAnswer(Verdict.GRANTED, detail);
    }

    public static PermitAnswer proceed(String detail) {
        return new PermitAnswer(Verdict.PROCEED, detail);
    }

    public static PermitAnswer hold(String detail) {
        return new PermitAnswer(Verdict.HOLD, detail);
    }

    /** Whether the agent may reboot now. */
    public boolean mayReboot() {
        return verdict != Verdict.HOLD;
    }
}
