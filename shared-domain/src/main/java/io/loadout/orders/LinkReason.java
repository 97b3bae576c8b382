package io.loadout.orders;

/** Why a buyer link was issued: the seller asked for one, the buyer asked for it by mail, or an order shipped. */
public enum LinkReason {
    SELLER, REQUESTED, SHIPPED
}
