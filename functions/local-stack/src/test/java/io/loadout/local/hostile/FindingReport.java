package io.loadout.local.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Findings grouped by rule, then operation, one line per offending case: what the lead needs to fix them. */
final class FindingReport {

    private FindingReport() {
    }

    static Map<String, Long> counts(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting()));
    }

    static String grouped(List<Finding> findings) {
        var out = new StringBuilder();
        Map<String, Map<String, List<Finding>>> byKind = new TreeMap<>();
        for (Finding f : findings) {
            byKind.computeIfAbsent(f.kind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.outcome().hostileCase().operation(), k -> new java.util.ArrayList<>()).add(f);
        }
        byKind.forEach((kind, byOperation) -> {
            long total = byOperation.values().stream().mapToLong(List::size).sum();
            out.append("--- ").append(kind).append(": ").append(total).append(" case(s) on ")
                    .append(byOperation.size()).append(" operation(s)\n");
            byOperation.forEach((operation, list) -> {
                out.append(" ").append(operation).append(" (").append(list.size()).append(")\n");
                list.forEach(f -> out.append(f.line()).append('\n'));
            });
        });
        return out.toString();
    }
}
