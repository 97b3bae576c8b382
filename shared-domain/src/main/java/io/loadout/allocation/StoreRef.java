package io.loadout.allocation;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record StoreRef(long id, String externalId, String name, boolean mutual) {
}
