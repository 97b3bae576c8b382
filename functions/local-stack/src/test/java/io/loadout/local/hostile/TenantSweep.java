package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loadout.local.hostile.HostileCase.Caller;
import io.loadout.local.hostile.HostileCase.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant-isolation sweep, generated from the OpenAPI document: tenant A (a CLIENT token) calls every read with
 * B's ids in the path, with B's ids and names as filters, and bare; and every write aimed at B's data. A read
 * must show nothing of B (or of the hidden catalog); a write must answer 403 or 404.
 */
final class TenantSweep {

    static final String LEAK = "leak";
    static final String WRITE_THROUGH = "write got through";
    static final String WRITE_STATUS = "write not refused with 403/404";

    static final String AIMED_WRITE = "write aimed at B's data";
    static final String OWN_WRITE = "own write (nothing of B's in it)";

    private final TenantFixture tenants;
    private final SampleBodies samples;
    private final LeakDetector detector;
    /** Whether the body being sampled got one of B's ids (set by {@link #hostileHint}). */
    private boolean bodyAimsAtOther;

    TenantSweep(OpenApiOperations api, TenantFixture tenants) {
        this.tenants = tenants;
        this.samples = new SampleBodies(api, this::hostileHint, "sweep");
        this.detector = new LeakDetector(List.of(TenantFixture.B_MARKER, TenantFixture.HIDDEN_MARKER), tenants.otherIdsByKind());
    }

    /** Body values aimed at B's data (and, for a link or a role, at what A would like to have). */
    private Optional<JsonNode> hostileHint(String field) {
        var n = JsonNodeFactory.instance;
        return switch (field) {
            case "accountId" -> Optional.of(n.numberNode(tenants.a.ids().get("account")));
            case "role" -> Optional.of(n.textNode("ADMIN"));
            case "store" -> Optional.of(n.textNode("S-" + TenantFixture.B_MARKER.toUpperCase()));
            case "asin" -> Optional.of(n.textNode("B0TENANT01"));
            default -> {
                if (!field.endsWith("Id")) {
                    yield Optional.empty();
                }
                var id = Optional.ofNullable(tenants.otherId(LeakDetector.kindOf(field.substring(0, field.length() - 2))))
                        .map(other -> (JsonNode) n.numberNode(Long.parseLong(other)));
                bodyAimsAtOther |= id.isPresent();
                yield id;
            }
        };
    }

    /** The path with every parameter set to B's id of that collection (1 where B has none); whether any was B's. */
    private record Aimed(String uri, boolean atOther) {
    }

    private Aimed aim(Operation op) {
        String path = op.path();
        boolean atOther = false;
        for (Operation.Param p : op.params("path")) {
            String id = tenants.otherId(LeakDetector.kindOf(op.collectionOf(p.name())));
            atOther |= id != null;
            path = path.replace("{" + p.name() + "}", id == null ? "1" : id);
        }
        return new Aimed(path, atOther);
    }

    List<HostileCase> reads(List<Operation> operations) {
        var cases = new ArrayList<HostileCase>();
        for (Operation op : operations.stream().filter(Operation::isRead).toList()) {
            Aimed aimed = aim(op);
            boolean paged = op.params("query").stream().anyMatch(p -> p.name().equals("limit"));
            String page = paged ? "limit=500" : "";
            cases.add(read(op, aimed, "B's ids in the path" + (aimed.atOther() ? "" : " (none: bare)"), page));
            for (Operation.Param p : op.params("query")) {
                for (String value : filterValues(p)) {
                    String query = p.name() + "=" + value + (paged && !p.name().equals("limit") ? "&" + page : "");
                    cases.add(read(op, aimed, "filter " + p.name() + "=" + value, query));
                }
            }
        }
        return cases;
    }

    private HostileCase read(Operation op, Aimed aimed, String mutation, String query) {
        return new HostileCase(op.key(), mutation, aimed.atOther() ? Target.path("B's id") : Target.none(), "GET",
                aimed.uri() + (query.isEmpty() ? "" : "?" + query), null, null, Map.of(), Caller.CLIENT, null, false);
    }

    private List<String> filterValues(Operation.Param p) {
        if (p.name().endsWith("Id")) {
            String id = tenants.otherId(LeakDetector.kindOf(p.name().substring(0, p.name().length() - 2)));
            return id == null ? List.of() : List.of(id);
        }
        if (p.name().equals("before")) {
            return List.of("999999999");
        }
        if (p.name().equals("limit")) {
            return List.of("500");
        }
        if (p.schema().path("type").asText().equals("boolean")) {
            return List.of("false", "true");
        }
        return List.of(TenantFixture.B_MARKER, TenantFixture.HIDDEN_MARKER, "S-" + TenantFixture.B_MARKER.toUpperCase());
    }

    List<HostileCase> writes(List<Operation> operations) {
        var cases = new ArrayList<HostileCase>();
        for (Operation op : operations.stream().filter(o -> !o.isRead()).toList()) {
            Aimed aimed = aim(op);
            byte[] body = null;
            String type = null;
            bodyAimsAtOther = false;
            if (op.multipart()) {
                body = MultipartCases.validImage(op);
                type = MultipartCases.TYPE;
            } else if (op.jsonBody().isPresent()) {
                body = HostileCase.utf8(JsonMutations.write(samples.sample(op.jsonBody().get())));
                type = Operation.JSON;
            } else if (op.signedWebhook()) {
                body = HostileCase.utf8("{}");
                type = Operation.JSON;
            }
            boolean atOther = aimed.atOther() || bodyAimsAtOther || op.signedWebhook();
            cases.add(new HostileCase(op.key(), atOther ? AIMED_WRITE : OWN_WRITE, Target.none(), op.method(),
                    aimed.uri(), type, body, Map.of(), Caller.CLIENT, null, false));
        }
        return cases;
    }

    List<Finding> judgeReads(List<HostileClient.Outcome> outcomes) {
        var findings = new ArrayList<Finding>();
        for (var o : outcomes) {
            boolean success = o.status() >= 200 && o.status() < 300;
            String sent = o.hostileCase().uri().toLowerCase();
            // a refusal quoting A's own filter value ("got 'zqxbeta'") echoes the request, it shows nothing of B
            var leaks = new ArrayList<>(detector.leaks(o.hostileCase().uri(), o.body()).stream()
                    .filter(l -> success || !(l.startsWith("marker ") && sent.contains(l.substring(7).toLowerCase())))
                    .toList());
            if (success && o.hostileCase().target().kind() == Target.Kind.PATH) {
                leaks.add(0, "answered " + o.status() + " to B's id in the path");
            }
            if (!leaks.isEmpty()) {
                findings.add(new Finding(LEAK, o, String.join("; ", leaks)));
            }
        }
        return findings;
    }

    /**
     * A write aimed at B's data: 403 or 404, nothing else. Exception, by design: an operation authenticated by a
     * partner signature instead of a token (the webhooks) answers 401 to an unsigned request, whatever token comes
     * with it. A write with nothing of B's in it (a seller creating its own customer) may succeed, but its answer
     * must show nothing of B.
     */
    List<Finding> judgeWrites(List<HostileClient.Outcome> outcomes, Map<String, Operation> operations) {
        var findings = new ArrayList<Finding>();
        for (var o : outcomes) {
            Operation op = operations.get(o.hostileCase().operation());
            if (o.hostileCase().mutation().equals(OWN_WRITE)) {
                var leaks = detector.leaks(o.hostileCase().uri(), o.body());
                if (!leaks.isEmpty()) {
                    findings.add(new Finding(LEAK, o, String.join("; ", leaks)));
                } else if (o.status() >= 500 || o.status() == 0) {
                    findings.add(new Finding(WRITE_STATUS, o, "an own write must not fail the server"));
                }
                continue;
            }
            Set<Integer> refused = op.signedWebhook() ? Set.of(401) : Set.of(403, 404);
            if (o.status() >= 200 && o.status() < 300) {
                findings.add(new Finding(WRITE_THROUGH, o, ""));
            } else if (!refused.contains(o.status())) {
                findings.add(new Finding(WRITE_STATUS, o, "expected " + refused));
            }
        }
        return findings;
    }

    /** How many bodies show the given marker: the sweep's own proof that its detector sees a tenant's data. */
    static long showing(List<HostileClient.Outcome> outcomes, String marker) {
        return outcomes.stream().filter(o -> o.body().toLowerCase().contains(marker)).count();
    }
}
