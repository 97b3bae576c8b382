package io.loadout.allocation;

import io.loadout.shared.Csv;
import java.math.BigDecimal;
import java.util.List;

/** A pallet's manifest: CSV for the warehouse system, and a printable HTML page to tape to the pallet. */
public final class PalletManifest {

    static final List<String> HEADER = List.of("pallet", "client", "store", "destination", "asin", "title", "quantity",
            "shipping_per_unit", "line_shipping", "top_up");

    private PalletManifest() {
    }

    public static String csv(PalletView pallet) {
        var out = new StringBuilder(Csv.line(HEADER));
        for (var line : pallet.lines()) {
            out.append(Csv.line(List.of(pallet.code(), pallet.client().externalId(), pallet.store().externalId(),
                    pallet.destination().externalId(), line.asin(), line.title(), line.quantity(),
                    line.shippingPerUnit(), lineShipping(line), line.topUp())));
        }
        return out.toString();
    }

    public static String html(PalletView pallet) {
        var rows = new StringBuilder();
        for (var line : pallet.lines()) {
            rows.append("<tr><td>").append(escape(line.asin())).append("</td><td>").append(escape(line.title()))
                    .append("</td><td class=n>").append(line.quantity()).append("</td><td class=n>")
                    .append(line.shippingPerUnit()).append("</td><td class=n>").append(lineShipping(line))
                    .append("</td></tr>\n");
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Manifest %1$s</title>
                <style>
                body{font:12pt sans-serif;margin:2em}table{border-collapse:collapse;width:100%%}
                th,td{border:1px solid #444;padding:4px 6px;text-align:left}td.n{text-align:right}
                h1{margin:0 0 .3em}dl{display:grid;grid-template-columns:max-content auto;gap:2px 1em}
                @media print{body{margin:0}}
                </style></head>
                <body>
                <h1>Pallet %1$s</h1>
                <dl><dt>Client</dt><dd>%2$s (%3$s)</dd><dt>Store</dt><dd>%4$s</dd><dt>Ship to</dt><dd>%5$s</dd>
                <dt>Status</dt><dd>%6$s%7$s</dd><dt>Units</dt><dd>%8$d</dd><dt>Weight</dt><dd>%9$s lb</dd>
                <dt>Volume</dt><dd>%10$s in³</dd><dt>Shipping</dt><dd>%11$s</dd></dl>
                <table><thead><tr><th>ASIN</th><th>Title</th><th>Qty</th><th>Shipping / unit</th><th>Shipping</th></tr></thead>
                <tbody>
                %12$s</tbody></table>
                </body></html>
                """.formatted(escape(pallet.code()), escape(pallet.client().name()), escape(pallet.client().externalId()),
                escape(pallet.store().name()), escape(pallet.destination().name()), pallet.status(),
                pallet.shippedOn() == null ? "" : " on " + pallet.shippedOn(), pallet.units(), pallet.totalWeightLb(),
                pallet.totalVolumeIn3(), pallet.totalShipping(), rows);
    }

    private static BigDecimal lineShipping(PalletView.Line line) {
        return line.shippingPerUnit().multiply(BigDecimal.valueOf(line.quantity()));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
