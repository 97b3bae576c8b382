package io.loadout.local.hostile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each operation does with valid input, probed before the corpus: the valid sample body (and the fields it was
 * refused for, if it was: then those are not a mutation's fault) and the query parameters a read refuses to go
 * without although the document does not mark them required.
 */
final class CorpusBaselines {

    final Map<String, String> samples = new LinkedHashMap<>();
    final Map<String, Set<String>> excused = new HashMap<>();
    final Map<String, Map<String, String>> requiredQuery = new HashMap<>();
    final List<String> notes = new ArrayList<>();

    /** Adds one refused parameter at a time (each refusal names only the first it misses), five at most. */
    private void probeRequiredQuery(Operation op, HostileClient client, CorpusFixture fixture) {
        var required = new LinkedHashMap<String, String>();
        for (int round = 0; round < 5; round++) {
            String query = required.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("&"));
            var probe = client.send(HostileCase.of(op, "probe", HostileCase.Target.none(),
                    fixture.uri(op, Map.of()) + (query.isEmpty() ? "" : "?" + query), null, null));
            if (probe.status() != 400) {
                break;
            }
            var missing = op.params("query").stream().filter(p -> !required.containsKey(p.name())
                    && ProblemBody.namedFields(probe.contentType(), probe.body()).contains(p.name())).findFirst();
            if (missing.isEmpty()) {
                break;
            }
            var p = missing.get();
            required.put(p.name(), fixture.hint(p.name()).map(v -> v.asText()).orElse("1"));
            if (!p.required()) {
                notes.add(op.key() + ": refuses to go without query parameter " + p.name()
                        + ", which the OpenAPI document does not mark required");
            }
        }
        if (!required.isEmpty()) {
            requiredQuery.put(op.key(), required);
        }
    }

    static CorpusBaselines probe(List<Operation> operations, BadInputCorpus corpus, HostileClient client,
                                 CorpusFixture fixture) {
        var b = new CorpusBaselines();
        for (Operation op : operations) {
            String sample = corpus.sampleBody(op);
            if (sample != null) {
                b.samples.put(op.key(), sample);
                var baseline = client.send(HostileCase.of(op, "valid sample", HostileCase.Target.none(),
                        fixture.uri(op, Map.of()), Operation.JSON, HostileCase.utf8(sample)));
                if (baseline.status() == 400) {
                    b.excused.put(op.key(), new HashSet<>(ProblemBody.namedFields(baseline.contentType(), baseline.body())));
                    b.notes.add(op.key() + ": its valid sample was refused: " + baseline.excerpt());
                }
            } else if (op.isRead() && !op.params("query").isEmpty()) {
                b.probeRequiredQuery(op, client, fixture);
            }
        }
        return b;
    }
}
