package io.loadout.allocation;

/** Where an allocation came from: a confirmed cart, an arrived preorder, or a pallet top-up. */
public enum AllocationSource {
    CART, PREORDER, TOP_UP
}
