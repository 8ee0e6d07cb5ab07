package dev.bmcagent.acpi.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether the boot order a host reported honours the declared boot-interface order, and what to do if not.
 * Pure; the lifecycle keeps the attempt count.
 *
 * <p><b>Matching.</b> The declared order is a list of regular expressions, most preferred first, each matched
 * against a whole boot option string ({@link java.util.regex.Matcher#matches()}). Each reported option is assigned
 * to the <em>first</em> declared pattern it matches, or to none. The reported order matches when:
 * <ol>
 *   <li>every declared pattern matches at least one reported option (otherwise {@link Match#MISSING}: no re-apply
 *       or reboot can create a boot option, so that is an alarm straight away), and</li>
 *   <li>the assigned options come first, before every unassigned option, and their pattern indices never decrease
 *       (two options may match the same pattern, e.g. both ports of a NIC) (otherwise {@link Match#OUT_OF_ORDER}).</li>
 * </ol>
 *
 * <p><b>Decisions.</b> Match → OK. Out of order → re-apply the declared order and reboot, while fewer than
 * {@code maxAttempts} re-applies were made for this declaration; the next mismatch after that → ALARM, and nothing
 * more (never a reboot loop) until a new declaration or a matching report.
 */
public final class BootOrderReconciler {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final int maxAttempts;

    public BootOrderReconciler(int maxAttempts) {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts < 0");
        }
        this.maxAttempts = maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** How a reported order compares with the declared one. */
    public enum Match {
        MATCH,
        OUT_OF_ORDER,
        MISSING
    }

    /** What to do about a report. */
    public enum Verdict {
        /** The order matches. */
        OK,
        /** Out of order and attempts remain: apply the declared order and reboot. */
        REAPPLY_AND_REBOOT,
        /** Out of order with no attempts left, a declared interface missing, or an invalid pattern: raise an alarm. */
        ALARM,
        /** Still wrong, but the alarm was already raised for this declaration: do nothing. */
        ALREADY_ALARMED
    }

    /**
     * A reconcile decision and why.
     *
     * @param verdict what to do
     * @param match   the comparison (MISSING also for an invalid declared pattern)
     * @param reason  a human-readable reason (for the alert and the SEL/event log)
     */
    public record Decision(Verdict verdict, Match match, String reason) {
        public Decision {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Compares the declared order with the reported one and decides what to do.
     *
     * @param declared       declared patterns (non-empty)
     * @param attemptsSoFar  re-applies already made for this declaration
     * @param alarmed        whether the alarm was already raised for this declaration
     * @param reported       the host's boot options, in boot order
     */
    public Decision decide(List<String> declared, int attemptsSoFar, boolean alarmed, List<String> reported) {
        Optional<List<Pattern>> patterns = compile(declared);
        if (patterns.isEmpty()) {
            return new Decision(
                    alarmed ? Verdict.ALREADY_ALARMED : Verdict.ALARM,
                    Match.MISSING,
                    "declared boot order has an invalid pattern");
        }
        Match match = match(patterns.get(), reported);
        if (match == Match.MATCH) {
            return new Decision(Verdict.OK, match, "boot order matches the declaration");
        }
        if (alarmed) {
            return new Decision(Verdict.ALREADY_ALARMED, match, "boot order still differs; alarm already raised");
        }
        if (match == Match.MISSING) {
            return new Decision(Verdict.ALARM, match, "a declared boot interface matches no boot option");
        }
        if (attemptsSoFar < maxAttempts) {
            return new Decision(
                    Verdict.REAPPLY_AND_REBOOT,
                    match,
                    "boot order differs: re-apply attempt " + (attemptsSoFar + 1) + " of " + maxAttempts);
        }
        return new Decision(Verdict.ALARM, match, "boot order still differs after " + attemptsSoFar + " re-applies");
    }

    /** Compiles declared patterns; empty when any is not a valid regular expression. */
    public static Optional<List<Pattern>> compile(List<String> declared) {
        List<Pattern> patterns = new ArrayList<>(declared.size());
        try {
            for (String p : declared) {
                patterns.add(Pattern.compile(p));
            }
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(patterns);
    }

    /** Compares a reported order with compiled declared patterns (definition in the class comment). */
    public static Match match(List<Pattern> declared, List<String> reported) {
        boolean[] seen = new boolean[declared.size()];
        int lastIndex = -1;
        boolean unassignedSeen = false;
        boolean ordered = true;
        for (String option : reported) {
            int index = assign(declared, option);
            if (index < 0) {
                unassignedSeen = true;
                continue;
            }
            seen[index] = true;
            if (unassignedSeen || index < lastIndex) {
                ordered = false;
            }
            lastIndex = index;
        }
        for (boolean s : seen) {
            if (!s) {
                return Match.MISSING;
            }
        }
        return ordered ? Match.MATCH : Match.OUT_OF_ORDER;
    }

    private static int assign(List<Pattern> declared, String option) {
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).matcher(option).matches()) {
                return i;
            }
        }
        return -1;
    }
}
