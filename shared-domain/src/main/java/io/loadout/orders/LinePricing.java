package io.loadout.orders;

import static io.loadout.shared.Text.strippedOrNull;

import io.loadout.orders.OrdersCommands.NewLine;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The lines of a new order, priced: an item's line takes its units ({@link Items#take}), a free line is checked. */
final class LinePricing {

    private final Items items;

    LinePricing(Items items) {
        this.items = items;
    }

    record Priced(int lineNo, Long itemId, String description, int quantity, BigDecimal unitPrice) {
    }

    /**
     * Each line's description and unit price: an item's own unless the line gives them. Item units are taken in
     * item-id order, so two orders for the same items never wait on each other in opposite orders.
     */
    List<Priced> price(long sellerId, List<NewLine> lines, Instant now, Actor actor) {
        return price(sellerId, lines, true, now, actor);
    }

    /** The same, with {@code takeUnits} false when the caller moves the stock itself (an order's lines changed). */
    List<Priced> price(long sellerId, List<NewLine> lines, boolean takeUnits, Instant now, Actor actor) {
        var priced = new Priced[lines.size()];
        var withItems = IntStream.range(0, lines.size()).filter(i -> lines.get(i).itemId() != null).boxed()
                .sorted(Comparator.comparing(i -> lines.get(i).itemId())).toList();
        for (int i : withItems) {
            var line = lines.get(i);
            String at = "lines[" + i + "]";
            var item = takeUnits ? items.take(sellerId, line.itemId(), line.quantity(), at, now, actor)
                    : items.find(sellerId, line.itemId()).orElseThrow(() -> DomainException.NotFound.referencedBy(
                            at + ".itemId", "item", line.itemId()));
            String description = strippedOrNull(line.description());
            priced[i] = new Priced(i + 1, item.id(), description != null ? description : item.name(), line.quantity(),
                    line.unitPrice() != null ? line.unitPrice() : item.price());
        }
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.itemId() == null) {
                String description = strippedOrNull(line.description());
                if (description == null) {
                    throw new DomainException.InvalidInput("lines[" + i + "].description",
                            "a line without an item needs a description");
                }
                if (line.unitPrice() == null) {
                    throw new DomainException.InvalidInput("lines[" + i + "].unitPrice",
                            "a line without an item needs a unit price");
                }
                priced[i] = new Priced(i + 1, null, description, line.quantity(), line.unitPrice());
            }
        }
        return List.of(priced);
    }
}
