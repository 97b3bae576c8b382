package io.loadout.local.hostile;

import io.loadout.local.hostile.HostileCase.Caller;
import io.loadout.local.hostile.HostileCase.Target.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every answer to bad input must keep: no 5xx (and an answer at all); a field-level 400 names its field,
 * and a 400 caused by a mutated field or parameter names that one; nothing internal in a body; a value no correct
 * server may accept is not accepted.
 */
final class CorpusVerdicts {

    static final String SERVER_ERROR = "5xx";
    static final String NO_RESPONSE = "no response";
    static final String UNNAMED = "unnamed field";
    static final String MISNAMED = "misnamed field";
    static final String LEAKED = "leaked internals";
    static final String ACCEPTED = "accepted invalid value";
    /** Informational: a request without a token to a secured operation that did not answer 401. */
    static final String UNAUTHENTICATED_NOT_401 = "no token, not 401 (info)";

    /** @param excused fields the operation's valid sample was itself refused for (then not the mutation's fault) */
    static List<Finding> judge(List<HostileClient.Outcome> outcomes, Map<String, Operation> operations,
                               Map<String, Set<String>> excused) {
        var findings = new ArrayList<Finding>();
        for (var o : outcomes) {
            var c = o.hostileCase();
            if (o.status() == 0) {
                findings.add(new Finding(NO_RESPONSE, o, ""));
                continue;
            }
            if (o.status() >= 500) {
                findings.add(new Finding(SERVER_ERROR, o, ""));
            }
            String leak = ProblemBody.leakedInternal(o.contentType(), o.body());
            if (leak != null) {
                findings.add(new Finding(LEAKED, o, "contains '" + leak.strip() + "'"));
            }
            if (o.status() == 400) {
                judgeRefusal(o, excused.getOrDefault(c.operation(), Set.of()), findings);
            }
            if (c.mustRefuse() && o.status() >= 200 && o.status() < 300) {
                findings.add(new Finding(ACCEPTED, o, c.target().name() + " taken as valid"));
            }
            Operation op = operations.get(c.operation());
            if (c.caller() == Caller.NONE && op != null && !op.roles().isEmpty() && o.status() != 401 && o.status() < 500) {
                findings.add(new Finding(UNAUTHENTICATED_NOT_401, o, ""));
            }
        }
        return findings;
    }

    private static void judgeRefusal(HostileClient.Outcome o, Set<String> excused, List<Finding> findings) {
        var c = o.hostileCase();
        List<String> named = ProblemBody.namedFields(o.contentType(), o.body());
        if (ProblemBody.hasUnnamedError(o.contentType(), o.body())) {
            findings.add(new Finding(UNNAMED, o, "a field-level error without a field"));
            return;
        }
        boolean namesSomething = named.stream().anyMatch(n -> !n.isBlank());
        if (c.target().namesSpecificInput() || c.target().kind() == Kind.BODY_SHAPE) {
            if (!namesSomething) {
                findings.add(new Finding(UNNAMED, o, "expected it to name " + (c.target().name().isEmpty()
                        ? "the body or a field" : c.target().name())));
                return;
            }
        }
        if (c.target().namesSpecificInput()) {
            boolean right = named.stream().anyMatch(n -> ProblemBody.sameInput(n, c.target().name()))
                    || ProblemBody.crossFieldRule(named, c.target().name(), o.body());
            boolean onlyExcused = named.stream().filter(n -> !n.isBlank()).allMatch(excused::contains);
            if (!right && !onlyExcused) {
                findings.add(new Finding(MISNAMED, o, "named " + named + ", expected " + c.target().name()));
            }
        }
    }
}
