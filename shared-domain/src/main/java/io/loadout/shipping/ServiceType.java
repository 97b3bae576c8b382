package io.loadout.shipping;

/** The courier service a parcel went with; the weight-disputes rules divide volume by a divisor per type. */
public enum ServiceType {
    STANDARD, EXPRESS, PRIORITY
}
