package dev.bmcagent.agent.redfishport;

import dev.bmcagent.redfish.backend.BootOptionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One host's boot options as Redfish BootOptions: each display string the host has reported (OEM 30h/11h) gets a
 * BootOptionReference {@code Boot0001}, {@code Boot0002}... in first-seen order, stable for the agent's run (the
 * host reports display strings, not its Boot#### numbers). Declared patterns ↔ references: a PATCHed BootOrder
 * becomes exact-match patterns ({@link Pattern#quote}), and a declared pattern shows as the reference of the first
 * reported option it matches. Thread-safe.
 */
final class BootOptionCatalog {
    private static final String METACHARACTERS = "\\.[]{}()*+?^$|";
    private final Map<String, String> refByDisplay = new LinkedHashMap<>();

    /** Registers the reported options and returns them as views, in the reported order. */
    synchronized List<BootOptionView> views(List<String> reported) {
        List<BootOptionView> out = new ArrayList<>(reported.size());
        for (String display : reported) {
            String ref = refByDisplay.computeIfAbsent(
                    display, d -> String.format(Locale.ROOT, "Boot%04X", refByDisplay.size() + 1));
            out.add(new BootOptionView(ref, display, "", true));
        }
        return out;
    }

    /** The display string of {@code reference}, if the host ever reported it. */
    synchronized Optional<String> display(String reference) {
        return refByDisplay.entrySet().stream()
                .filter(e -> e.getValue().equals(reference))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The exact-match pattern for a reference (what the reconciler gets); empty for an unknown reference. */
    Optional<String> pattern(String reference) {
        return display(reference).map(BootOptionCatalog::exact);
    }

    /**
     * A regular expression matching exactly {@code text}: each metacharacter escaped with a backslash. Not
     * {@link Pattern#quote} ({@code \Q...\E}): 4 bytes shorter per option (the host reads the declared order over
     * OEM 30h/12h in responses of at most 254 bytes, so fewer of them) and as readable as the display string.
     */
    static String exact(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (METACHARACTERS.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * Declared patterns as references: per pattern, in the reported order, every option among {@code options} it
     * matches that an earlier pattern did not take (an exact-match pattern takes its one option; {@code .*HTTPS
     * IPv6.*} every NIC's); options no pattern matches, and patterns that match none (or do not compile), are left
     * out.
     */
    static List<String> references(List<String> patterns, List<BootOptionView> options) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) {
            Pattern compiled;
            try {
                compiled = Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                continue;
            }
            for (BootOptionView o : options) {
                if (!out.contains(o.reference())
                        && compiled.matcher(o.displayName()).matches()) {
                    out.add(o.reference());
                }
            }
        }
        return out;
    }
}
