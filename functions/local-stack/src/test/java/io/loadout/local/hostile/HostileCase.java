package io.loadout.local.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request of a suite: which operation it exercises, what was done to it ({@code mutation}), which input it
 * targets, and the raw request (an already-encoded URI, headers, body bytes).
 *
 * @param signWith  when set, the body is signed at send time, as its partner signs (fresh timestamp)
 * @param mustRefuse a value no correct server may accept (a fractional id, a lone surrogate): a 2xx is a finding
 */
record HostileCase(String operation, String mutation, Target target, String method, String uri, String contentType,
                   byte[] body, Map<String, String> headers, Caller caller, Signer signWith, boolean mustRefuse) {

    enum Caller { ADMIN, CLIENT, NONE }

    /** What a 400 must name: the mutated field or parameter, some field (a wrong-shaped body), or nothing. */
    record Target(Kind kind, String name) {
        enum Kind { FIELD, QUERY, PATH, HEADER, BODY_SHAPE, NONE }

        static Target field(String path) {
            return new Target(Kind.FIELD, path);
        }

        static Target query(String name) {
            return new Target(Kind.QUERY, name);
        }

        static Target path(String name) {
            return new Target(Kind.PATH, name);
        }

        static Target header(String name) {
            return new Target(Kind.HEADER, name);
        }

        static Target shape() {
            return new Target(Kind.BODY_SHAPE, "");
        }

        static Target none() {
            return new Target(Kind.NONE, "");
        }

        boolean namesSpecificInput() {
            return kind == Kind.FIELD || kind == Kind.QUERY || kind == Kind.PATH;
        }
    }

    static HostileCase of(Operation op, String mutation, Target target, String uri, String contentType, byte[] body) {
        return new HostileCase(op.key(), mutation, target, op.method(), uri, contentType, body, Map.of(), Caller.ADMIN,
                null, false);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    HostileCase as(Caller who) {
        return new HostileCase(operation, mutation, target, method, uri, contentType, body, headers, who, signWith, mustRefuse);
    }

    HostileCase withHeaders(Map<String, String> more) {
        return new HostileCase(operation, mutation, target, method, uri, contentType, body, more, caller, signWith, mustRefuse);
    }

    HostileCase signedWith(Signer signer) {
        return new HostileCase(operation, mutation, target, method, uri, contentType, body, headers, caller, signer, mustRefuse);
    }

    HostileCase refusalRequired(boolean required) {
        return new HostileCase(operation, mutation, target, method, uri, contentType, body, headers, caller, signWith, required);
    }

    String describe() {
        return method + " " + uri.replaceAll("(.{160}).+", "$1…") + "  [" + mutation + "] as " + caller;
    }
}
