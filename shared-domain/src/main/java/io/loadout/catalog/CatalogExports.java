package io.loadout.catalog;

import io.loadout.catalog.CatalogViews.BaseProductView;
import io.loadout.catalog.CatalogViews.CatalogInformation;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.catalog.CatalogViews.PriceDetail;
import io.loadout.shared.XlsxWriter.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The .xlsx columns of each list, with the seed's headers (its {@code XLColumn} names), in the seed's order, plus
 * "Brand" so the configurations export carries every column the catalog import reads ({@link CatalogSheet}).
 */
public final class CatalogExports {

    private CatalogExports() {
    }

    public static final List<Column<BaseProductView>> BASE_PRODUCTS = List.of(
            new Column<>("Base Product Code", BaseProductView::code),
            new Column<>("Name", BaseProductView::name),
            new Column<>("Item Type", BaseProductView::itemType),
            new Column<>("Sub Type", BaseProductView::subType),
            new Column<>("Brand", BaseProductView::brand),
            new Column<>("Model", BaseProductView::model),
            new Column<>("Status", BaseProductView::status),
            new Column<>("Description", BaseProductView::description));

    public static final List<Column<CatalogInformation>> CATALOGS = catalogColumns(c -> c);

    public static final List<Column<ConfigInformation>> CONFIGURATIONS = configColumns();

    public static final List<Column<PriceDetail>> PRICES = List.of(
            new Column<>("Price", PriceDetail::price),
            new Column<>("Valid From", PriceDetail::validFrom),
            new Column<>("Valid To", PriceDetail::validTo),
            new Column<>("Current Price Status", PriceDetail::status),
            new Column<>("Config Code", PriceDetail::configCode),
            new Column<>("Config Name", PriceDetail::configName),
            new Column<>("Catalog Name", PriceDetail::catalogName),
            new Column<>("Catalog Code", PriceDetail::catalogCode));

    private static <T> List<Column<T>> catalogColumns(java.util.function.Function<T, CatalogInformation> info) {
        return List.of(
                new Column<>("Catalog Name", t -> info.apply(t).catalogName()),
                new Column<>("Catalog Code", t -> info.apply(t).catalogCode()),
                new Column<>("Base Product Name", t -> info.apply(t).baseProductName()),
                new Column<>("Brand", t -> info.apply(t).brand()),
                new Column<>("Model", t -> info.apply(t).model()),
                new Column<>("Colour", t -> info.apply(t).colour()),
                new Column<>("Item Type", t -> info.apply(t).itemType()),
                new Column<>("Sub Type", t -> info.apply(t).subType()),
                new Column<>("Version Name", t -> info.apply(t).versionName()),
                new Column<>("Description", t -> info.apply(t).description()),
                new Column<>("Year", t -> info.apply(t).year()),
                new Column<>("HSN Code", t -> info.apply(t).hsnCode()),
                new Column<>("Weight", t -> info.apply(t).weight()),
                new Column<>("GST Rate", t -> info.apply(t).gstRate()),
                new Column<>("Catalog Status", t -> info.apply(t).catalogStatus()),
                new Column<>("Selling Type", t -> info.apply(t).sellingType()));
    }

    private static List<Column<ConfigInformation>> configColumns() {
        var columns = new ArrayList<>(catalogColumns(ConfigInformation::catalog));
        columns.add(new Column<>("Config Name", ConfigInformation::configName));
        columns.add(new Column<>("Config Code", ConfigInformation::configCode));
        columns.add(new Column<>("Config Status", ConfigInformation::configStatus));
        columns.add(new Column<>("Additional Info", c -> c.additionalInfos().stream()
                .map(i -> i.key() + ": " + i.value()).collect(Collectors.joining("; "))));
        columns.add(new Column<>("Active Price", ConfigInformation::activePrice));
        return List.copyOf(columns);
    }

}
