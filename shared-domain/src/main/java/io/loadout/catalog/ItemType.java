package io.loadout.catalog;

/** What a product is. Parts and accessories are sold as the catalog itself: they get a default configuration. */
public enum ItemType {
    VEHICLE, PARTS, ACCESSORIES;

    public boolean getsDefaultConfiguration() {
        return this != VEHICLE;
    }
}
