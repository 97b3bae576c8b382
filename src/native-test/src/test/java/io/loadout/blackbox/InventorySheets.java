package io.loadout.blackbox;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Buying sheets of any size, as an operator exports them, for the fault test and the imports bench. */
final class InventorySheets {

    static final String HEADER = "ASIN,Batch,Title,Item Weight,Length,Width,Height,Quantity Purchased,"
            + "Remaining Quantity,Unit Cost,Date Added,Min Shipping Price,Max Shipping Price";

    private InventorySheets() {
    }

    /**
     * Writes {@code rows} distinct lots (mixed quantities, costs written with a currency sign) and returns the MD5
     * of {@code asin:batch:remaining:cost} in ASIN order, computed from what was written, not from what was stored.
     */
    static String write(Path file, int rows) throws Exception {
        return write(file, rows, "$");
    }

    /** {@code currency}: written before each cost ({@code ""} for a file plain {@code COPY} can load as numbers). */
    static String write(Path file, int rows, String currency) throws Exception {
        var md5 = MessageDigest.getInstance("MD5");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (int i = 1; i <= rows; i++) {
                String asin = String.format("B%09d", i);
                int purchased = 10 + i % 50;
                int remaining = purchased - i % 7;
                String cost = (1 + i % 90) + "." + String.format("%02d", i % 100);
                out.write(asin + ",PO-9,Item " + i + ",1.5,10,8,4," + purchased + "," + remaining + "," + currency + cost
                        + ",2026-09-02,0.50,8.00\n");
                md5.update(((i == 1 ? "" : ",") + asin + ":PO-9:" + remaining + ":" + cost).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
