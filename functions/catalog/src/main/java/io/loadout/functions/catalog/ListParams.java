package io.loadout.functions.catalog;

import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.catalog.AdditionalInfo;
import io.loadout.catalog.CatalogFilters.BaseProductFilter;
import io.loadout.catalog.CatalogFilters.CatalogFilter;
import io.loadout.catalog.CatalogFilters.ConfigFilter;
import io.loadout.catalog.CatalogFilters.PriceFilter;
import io.loadout.catalog.ItemType;
import io.loadout.catalog.PriceState;
import io.loadout.catalog.ProductStatus;
import io.loadout.catalog.SellingType;
import io.loadout.shared.DomainException;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** Query parameters of the lists and their exports (the seed's filter records); bad values answer 400 naming them. */
final class ListParams {

    private ListParams() {
    }

    static class BaseProducts extends PageParams {
        @RestQuery
        String code;
        @RestQuery
        String name;
        @RestQuery
        String itemType;
        @RestQuery
        String subType;
        @RestQuery
        String brand;
        @RestQuery
        String model;
        @RestQuery
        String status;

        BaseProductFilter filter() {
            return new BaseProductFilter(code, name, QueryParams.enumValue("itemType", itemType, ItemType.class), subType,
                    brand, model, QueryParams.enumValue("status", status, ProductStatus.class));
        }
    }

    static class Catalogs extends PageParams {
        @RestQuery
        String catalogId;
        @RestQuery
        String baseProductId;
        @RestQuery
        String catalogName;
        @RestQuery
        String baseProductName;
        @RestQuery
        String versionName;
        @RestQuery
        String catalogCode;
        @RestQuery
        String model;
        @RestQuery
        String colour;
        @RestQuery
        String sellingType;
        @RestQuery
        String itemType;
        @RestQuery
        String catalogStatus;
        @RestQuery
        String subType;
        @RestQuery
        Boolean saleable;

        CatalogFilter filter() {
            return new CatalogFilter(QueryParams.id("catalogId", catalogId), QueryParams.id("baseProductId", baseProductId),
                    catalogName, baseProductName, versionName, catalogCode, model, colour,
                    QueryParams.enumValue("sellingType", sellingType, SellingType.class),
                    QueryParams.enumValue("itemType", itemType, ItemType.class),
                    QueryParams.enumValue("catalogStatus", catalogStatus, ProductStatus.class), subType,
                    Boolean.TRUE.equals(saleable));
        }
    }

    static class Configurations extends Catalogs {
        @RestQuery
        String configId;
        @RestQuery
        String configStatus;
        @RestQuery
        String configCode;
        @RestQuery
        String configName;
        /** {@code info=Battery:60V} (repeatable): the configuration has every pair. */
        @RestQuery
        List<String> info;

        ConfigFilter configFilter() {
            return new ConfigFilter(filter(), QueryParams.id("configId", configId),
                    QueryParams.enumValue("configStatus", configStatus, ProductStatus.class), configCode, configName,
                    info == null ? List.of() : info.stream().map(ListParams::additionalInfo).toList());
        }
    }

    static class Prices extends PageParams {
        @RestQuery
        String configId;
        @RestQuery
        String configCode;
        @RestQuery
        String configName;
        @RestQuery
        String validFrom;
        @RestQuery
        String validTo;
        @RestQuery
        String status;

        PriceFilter filter() {
            return new PriceFilter(QueryParams.id("configId", configId), configCode, configName,
                    QueryParams.instant("validFrom", validFrom), QueryParams.instant("validTo", validTo),
                    QueryParams.enumValue("status", status, PriceState.class));
        }
    }

    static AdditionalInfo additionalInfo(String keyValue) {
        int colon = keyValue.indexOf(':');
        if (colon < 1 || colon == keyValue.length() - 1) {
            throw new DomainException.InvalidInput("info", "info must be key:value, e.g. info=Battery:60V");
        }
        return new AdditionalInfo(keyValue.substring(0, colon).strip(), keyValue.substring(colon + 1).strip());
    }
}
