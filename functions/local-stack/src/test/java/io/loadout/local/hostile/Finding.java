package io.loadout.local.hostile;

/** One offending response: which rule it broke ({@code kind}), the case, what came back and why it offends. */
record Finding(String kind, HostileClient.Outcome outcome, String why) {

    String line() {
        var c = outcome.hostileCase();
        return "  " + outcome.status() + "  " + c.describe() + (why.isEmpty() ? "" : "  — " + why) + "\n        ↳ "
                + outcome.excerpt();
    }
}
