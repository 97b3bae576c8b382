package io.loadout.account;

/** A freshly created token: the only time its secret is ever visible. */
public record IssuedToken(ApiToken token, TokenSecret secret) {
}
