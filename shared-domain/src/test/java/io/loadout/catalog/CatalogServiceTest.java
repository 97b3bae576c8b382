package io.loadout.catalog;

import static io.loadout.catalog.CatalogFixture.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.catalog.CatalogCommands.NewBaseProduct;
import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewConfiguration;
import io.loadout.catalog.CatalogFilters.CatalogFilter;
import io.loadout.catalog.CatalogFilters.ConfigFilter;
import io.loadout.catalog.CatalogViews.CatalogInformation;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.shared.DomainException;
import io.loadout.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogServiceTest {

    @Inject
    CatalogService catalog;
    @Inject
    CatalogQueries queries;
    @Inject
    PriceService prices;

    CatalogFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CatalogFixture(catalog);
    }

    @Test
    void aValidBaseProductGetsAGeneratedCodeAndAnAuditTrail() {
        var bp = fixture.baseProduct(ItemType.VEHICLE);
        assertThat(bp.code()).matches("BP-\\d{6}");
        assertThat(bp.subType()).isEqualTo("SCOOTER");
        assertThat(bp.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(bp.audit().createdBy()).isEqualTo("account:1");
        assertThat(bp.audit().changedAt()).isNotNull();
        assertThat(fixture.baseProduct(ItemType.VEHICLE).code()).isNotEqualTo(bp.code());
    }

    @Test
    void anInvalidBaseProductIsRefusedNamingTheFields() {
        assertThatThrownBy(() -> catalog.createBaseProduct(new NewBaseProduct(" ", null, "no spaces", null, null, null, null), ACTOR))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> last(v)).containsExactlyInAnyOrder("name", "itemType", "subType"));
        var bp = fixture.baseProduct(ItemType.PARTS);
        assertThatThrownBy(() -> catalog.createBaseProduct(new NewBaseProduct(bp.name().toUpperCase(), ItemType.PARTS,
                "CHARGER", null, null, null, null), ACTOR))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void aBaseProductHasSeveralVersionsAndEachVersionItsCatalogs() {
        var bp = fixture.baseProduct(ItemType.VEHICLE);
        var v1 = fixture.version(bp.id());
        var v2 = fixture.version(bp.id());
        var red = fixture.catalog(v1.id(), SellingType.SALEABLE);
        var blue = fixture.catalog(v2.id(), SellingType.SALEABLE);

        assertThat(catalog.versions(bp.id())).extracting(CatalogViews.VersionView::id).containsExactlyInAnyOrder(v1.id(), v2.id());
        assertThat(red.baseProductId()).isEqualTo(bp.id());
        assertThat(red.code()).matches("CT-\\d{6}");
        var listed = queries.catalogs(new CatalogFilter(null, bp.id(), null, null, null, null, null, null, null, null,
                null, null, false), PageRequest.first(10));
        assertThat(listed.items()).extracting(CatalogInformation::catalogId).containsExactly(blue.id(), red.id());
        assertThat(listed.items()).extracting(CatalogInformation::versionName).containsExactly(v2.name(), v1.name());
        assertThatThrownBy(() -> catalog.addVersion(bp.id(), new CatalogCommands.NewVersion(v1.name(), null, null), ACTOR))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> catalog.addVersion(999_999, new CatalogCommands.NewVersion("X", null, null), ACTOR))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void partsAndAccessoriesGetADefaultConfigurationFromTheCatalogButVehiclesDoNot() {
        for (ItemType type : List.of(ItemType.PARTS, ItemType.ACCESSORIES)) {
            var created = fixture.catalog(fixture.version(fixture.baseProduct(type).id()).id(), SellingType.SALEABLE);
            assertThat(created.configurations()).singleElement().satisfies(config -> {
                assertThat(config.defaultConfiguration()).isTrue();
                assertThat(config.name()).isEqualTo(created.name());
                assertThat(config.code()).matches("CF-\\d{6}");
                assertThat(config.itemType()).isEqualTo(type);
                assertThat(config.additionalInfos()).contains(new AdditionalInfo("Colour", "Red"),
                        new AdditionalInfo("Year", "2026"), new AdditionalInfo("Weight", "62.5"));
            });
        }
        var vehicle = fixture.catalog(fixture.version(fixture.baseProduct(ItemType.VEHICLE).id()).id(), SellingType.SALEABLE);
        assertThat(vehicle.configurations()).isEmpty();
    }

    @Test
    void aCatalogTakesItsBaseProductsItemTypeAndANamedVersion() {
        var v = fixture.version(fixture.baseProduct(ItemType.VEHICLE).id());
        assertThatThrownBy(() -> catalog.createCatalog(new NewCatalog(v.id(), "Red", null, "8711", BigDecimal.ONE, "Red",
                ItemType.PARTS, SellingType.SALEABLE, GstRate.GST_18, null, null), ACTOR))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("itemType"));
        assertThatThrownBy(() -> catalog.createCatalog(new NewCatalog(987_654L, "Red", null, "8711", BigDecimal.ONE, "Red",
                null, SellingType.SALEABLE, GstRate.GST_18, null, null), ACTOR))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("versionId"));
        assertThatThrownBy(() -> catalog.createCatalog(new NewCatalog(v.id(), "Red", "99", "123", BigDecimal.ONE, "Red",
                null, SellingType.SALEABLE, GstRate.GST_18, null, null), ACTOR))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(CatalogServiceTest::last).containsExactlyInAnyOrder("year", "hsnCode"));
    }

    @Test
    void configurationNamesAreUniquePerCatalog() {
        var config = fixture.vehicleConfiguration();
        assertThatThrownBy(() -> catalog.addConfiguration(config.catalogId(),
                new NewConfiguration(config.name().toLowerCase(), null, List.of(), null), ACTOR))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("name"));
        var other = fixture.catalog(fixture.version(fixture.baseProduct(ItemType.VEHICLE).id()).id(), SellingType.SALEABLE);
        assertThat(catalog.addConfiguration(other.id(), new NewConfiguration(config.name(), null, List.of(), null), ACTOR)
                .name()).isEqualTo(config.name());
    }

    @Test
    void deactivatingAParentHidesItsConfigurationsFromSaleableListsOnly() {
        var config = fixture.vehicleConfiguration();
        var c = catalog.catalog(config.catalogId());
        prices.setPrices(List.of(new CatalogCommands.PriceForConfiguration(config.id(), new BigDecimal("1000"),
                io.loadout.testdoubles.TestClock.CLOCK.instant().minusSeconds(60), null)), ACTOR);
        var onlyThis = new ConfigFilter(null, config.id(), null, null, null, List.of());

        assertThat(saleable(onlyThis)).extracting(ConfigInformation::configId).containsExactly(config.id());
        catalog.changeStatus(CatalogService.Level.BASE_PRODUCT, c.baseProductId(), ProductStatus.INACTIVE, ACTOR);
        assertThat(saleable(onlyThis)).isEmpty();
        assertThat(queries.configurations(onlyThis, PageRequest.first(5)).items()).singleElement()
                .satisfies(i -> assertThat(i.saleable()).isFalse());
        catalog.changeStatus(CatalogService.Level.BASE_PRODUCT, c.baseProductId(), ProductStatus.ACTIVE, ACTOR);
        catalog.changeStatus(CatalogService.Level.VERSION, c.versionId(), ProductStatus.INACTIVE, ACTOR);
        assertThat(saleable(onlyThis)).isEmpty();
        catalog.changeStatus(CatalogService.Level.VERSION, c.versionId(), ProductStatus.ACTIVE, ACTOR);
        catalog.changeStatus(CatalogService.Level.CONFIGURATION, config.id(), ProductStatus.INACTIVE, ACTOR);
        assertThat(saleable(onlyThis)).isEmpty();
        catalog.changeStatus(CatalogService.Level.CONFIGURATION, config.id(), ProductStatus.ACTIVE, ACTOR);
        assertThat(saleable(onlyThis)).hasSize(1);
        assertThatThrownBy(() -> catalog.changeStatus(CatalogService.Level.CATALOG, 999_999, ProductStatus.ACTIVE, ACTOR))
                .isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void configurationsFilterByAdditionalInfoAndPageByKeyset() {
        var first = fixture.vehicleConfiguration();
        var c = catalog.catalog(first.catalogId());
        var second = fixture.configuration(c.id(), new AdditionalInfo("Battery", "72V"), new AdditionalInfo("Motor", "2kW"));
        var third = fixture.configuration(c.id(), new AdditionalInfo("Battery", "72V"));
        var ofCatalog = new CatalogFilter(c.id(), null, null, null, null, null, null, null, null, null, null, null, false);

        var battery72 = new ConfigFilter(ofCatalog, null, null, null, null, List.of(new AdditionalInfo("Battery", "72V")));
        assertThat(queries.configurations(battery72, PageRequest.first(10)).items())
                .extracting(ConfigInformation::configId).containsExactly(third.id(), second.id());
        var page1 = queries.configurations(new ConfigFilter(ofCatalog, null, null, null, null, List.of()), PageRequest.first(2));
        assertThat(page1.items()).extracting(ConfigInformation::configId).containsExactly(third.id(), second.id());
        var page2 = queries.configurations(new ConfigFilter(ofCatalog, null, null, null, null, List.of()),
                new PageRequest(page1.nextBefore(), 2));
        assertThat(page2.items()).extracting(ConfigInformation::configId).containsExactly(first.id());
        assertThat(page2.nextBefore()).isNull();
        assertThat(page1.items().get(0).catalog().catalogCode()).isEqualTo(c.code());
        assertThat(page1.items().get(0).priceStatus()).isEqualTo(PriceState.NONE);
    }

    List<ConfigInformation> saleable(ConfigFilter filter) {
        return queries.configurations(filter.saleable(), PageRequest.first(5)).items();
    }

    static String last(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
