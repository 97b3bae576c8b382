package io.loadout.shipping;

import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The only writer of {@code shipment}: the shipments orders create as they ship and (later) the ones imported for
 * parcels shipped elsewhere. A courier's tracking id names one parcel: a second shipment with it is a 409 naming
 * {@code trackingId}.
 */
@ApplicationScoped
public class Shipments {

    private final Sql sql;

    Shipments(Sql sql) {
        this.sql = sql;
    }

    /** What a shipment is made of besides the parcel: who shipped what, when. */
    public record Dispatch(long sellerId, String courier, String trackingId, Long orderId, String orderReference,
                           int itemsCount, BigDecimal invoiceTotal, Instant shippedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ShipmentView record(Dispatch dispatch, Parcel parcel, Instant now, Actor actor) {
        String courier = dispatch.courier().strip();
        String trackingId = dispatch.trackingId().strip();
        byTracking(courier, trackingId).ifPresent(existing -> {
            throw trackingTaken(courier, trackingId);
        });
        try {
            return sql.one("""
                    insert into shipment (seller_id, courier, tracking_id, order_id, order_reference, declared_weight_g,
                                          length_cm, width_cm, height_cm, origin_postcode, destination_postcode, cod,
                                          service_type, items_count, invoice_total, shipped_at, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *""",
                    Arrays.asList(dispatch.sellerId(), courier, trackingId, dispatch.orderId(), dispatch.orderReference(),
                            parcel.weightGrams(), parcel.lengthCm(), parcel.widthCm(), parcel.heightCm(),
                            parcel.originPostcode().strip(), parcel.destinationPostcode().strip(), parcel.cod(),
                            parcel.serviceType().name(), dispatch.itemsCount(), dispatch.invoiceTotal(),
                            dispatch.shippedAt(), now, actor.name()), Shipments::view).orElseThrow();
        } catch (RuntimeException e) {
            if (Sql.violatedConstraint(e).filter("shipment_courier_tracking_uq"::equals).isPresent()) {
                throw trackingTaken(courier, trackingId); // a racing shipment took it
            }
            throw e;
        }
    }

    public Optional<ShipmentView> ofOrder(long orderId) {
        return sql.one("select * from shipment where order_id = ?", List.of(orderId), Shipments::view);
    }

    private Optional<ShipmentView> byTracking(String courier, String trackingId) {
        return sql.one("select * from shipment where courier = ? and tracking_id = ?", List.of(courier, trackingId),
                Shipments::view);
    }

    private static DomainException trackingTaken(String courier, String trackingId) {
        return new DomainException.Conflict("trackingId", courier + " tracking id " + trackingId
                + " is already another shipment's");
    }

    static ShipmentView view(Sql.Row r) throws SQLException {
        return new ShipmentView(r.getLong("id"), r.getLong("seller_id"), r.getString("courier"),
                r.getString("tracking_id"), r.getLongOrNull("order_id"), r.getString("order_reference"),
                r.getIntOrNull("declared_weight_g"), r.getDecimal("length_cm"), r.getDecimal("width_cm"),
                r.getDecimal("height_cm"), r.getString("origin_postcode"), r.getString("destination_postcode"),
                r.getBoolean("cod"), r.getEnum("service_type", ServiceType.class), r.getIntOrNull("items_count"),
                r.getDecimal("invoice_total"), r.getInstant("shipped_at"));
    }
}
