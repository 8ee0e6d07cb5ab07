package dev.bmcagent.simulator.netboot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Pure boot-order arithmetic: declared patterns and vendor priority. */
public final class DeclaredOrder {
    private DeclaredOrder() {}

    /**
     * Reorders {@code current}: options matching the first pattern first (keeping their relative order), then
     * those matching the second, and so on; options matching no pattern keep their relative order at the end.
     * Patterns are Java regular expressions matched against the whole description.
     */
    public static List<BootOption> apply(List<BootOption> current, List<String> patterns) {
        Set<BootOption> result = new LinkedHashSet<>();
        for (String pattern : patterns) {
            Pattern p = Pattern.compile(pattern);
            for (BootOption o : current) {
                if (p.matcher(o.description()).matches()) {
                    result.add(o);
                }
            }
        }
        result.addAll(current);
        return List.copyOf(result);
    }

    /** The vendor default order "Httpv4 Httpv6 Pxev4 Pxev6" (then disks), by interface within each kind. */
    public static List<BootOption> vendorDefault(List<BootOption> options) {
        List<BootOption> sorted = new ArrayList<>(options);
        sorted.sort(Comparator.comparingInt(BootOption::vendorPriority).thenComparingInt(BootOption::interfaceIndex));
        return List.copyOf(sorted);
    }

    /** Descriptions in order. */
    public static List<String> descriptions(List<BootOption> options) {
        List<String> out = new ArrayList<>(options.size());
        options.forEach(o -> out.add(o.description()));
        return out;
    }
}
