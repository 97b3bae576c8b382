package io.loadout.allocation;

import static io.loadout.allocation.AllocationFixture.asin;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.imports.ImportProgress;
import io.loadout.imports.ImportStatus;
import io.loadout.imports.Importer.ImportContext;
import io.loadout.imports.table.Limits;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buying sheet as operators' spreadsheets write it: other separators, locales, encodings, wrong files. */
@QuarkusTest
class InventorySheetFormatsTest {

    private static final String SEMICOLON_HEADER = "ASIN;Batch;Title;Item Weight;Length;Width;Height;Quantity Purchased;"
            + "Remaining Quantity;Unit Cost;Date Added;Min Shipping Price;Max Shipping Price\n";

    @Inject
    AllocationFixture fixture;
    @Inject
    Sql sql;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    InventoryImporter inventory;

    @Test
    void aDecimalCommaSheetIsReadWithItsCommasNotAsWholeNumbers() {
        String a = asin();
        var job = fixture.importSheetRaw(SEMICOLON_HEADER
                + a + ";PO-1;Torch;4,2;10;8;4;20;20;8,00;2026-10-01;0,10;12,00\n");

        assertThat(job.status()).as(job.errorSummary()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(lot(a)).isEqualTo("4.200 8.00 12.00 Torch");
    }

    @Test
    void aWindows1252SheetKeepsItsAccents() {
        String a = asin();
        String b = asin();
        byte[] sheet = (AllocationFixture.SHEET_HEADER
                + a + ",PO-1,Crème brûlée torch,1.5,10,8,4,3,3,9.99,2026-10-01,0.10,2.00\n"
                + b + ",PO-1,Café,1.5,10,8,4,3,3,9.99,2026-10-01,0.10,2.00\n").getBytes(Charset.forName("windows-1252"));

        var job = fixture.importSheetBytes(sheet);

        assertThat(job.status()).as(job.errorSummary()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(lot(a)).endsWith(" Crème brûlée torch");
        assertThat(lot(b)).endsWith(" Café");
    }

    /** The refusal comes while rows are already being copied into the staging table: the job still says why. */
    @Test
    void aSheetMixingBothDecimalConventionsFailsWithItsReasonWhereverTheSecondShows() {
        var sheet = new StringBuilder(AllocationFixture.SHEET_HEADER);
        for (int i = 0; i < 300; i++) {
            sheet.append(asin()).append(",PO-1,x,1.5,10,8,4,3,3,9.99,2026-10-01,0.10,2.00\n");
        }
        sheet.append(asin()).append(",PO-1,x,1,10,8,4,3,3,\"4,2\",2026-10-01,0.10,2.00\n");

        var job = fixture.importSheetRaw(sheet.toString());

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.errorSummary()).startsWith("line 302, unit_cost: the file mixes decimal points (line 2: '1.5')"
                + " and decimal commas (line 302: '4,2')");
    }

    /** The importer reports how far it has read its rows as it goes, up to the whole file. */
    @Test
    void progressFollowsTheRowsAsTheyAreRead() throws Exception {
        var sheet = new StringBuilder(AllocationFixture.SHEET_HEADER);
        for (int i = 0; i < 30_000; i++) {
            sheet.append(AllocationFixture.row(asin(), "PO-" + i % 7, "1." + i % 10, "10", "8", "4", 3 + i % 5, 3,
                    (1 + i % 40) + ".99", "2026-10-01", "0.10", "2.00"));
        }
        byte[] bytes = sheet.toString().getBytes(StandardCharsets.UTF_8);
        var reported = new ArrayList<Long>();
        ImportProgress recording = read -> {
            if (reported.isEmpty() || reported.get(reported.size() - 1) != read) {
                reported.add(read);
            }
        };

        QuarkusTransaction.requiringNew().call(() -> inventory.apply(new ByteArrayInputStream(bytes),
                new ImportContext(1, "imports/inventory/progress.csv", false, Limits.DEFAULT, recording)));

        assertThat(reported).isSorted().hasSizeGreaterThan(10);
        assertThat(reported.get(0)).isLessThan(bytes.length / 10);
        assertThat(reported.get(reported.size() - 1)).isEqualTo(bytes.length);
    }

    @Test
    void aJpegSaysWhatItIs() {
        var job = fixture.importSheetBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J'});

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.errorSummary()).contains("this is a JPEG image, not a sheet");
    }

    @Test
    void overflowAndRoundedAwayValuesAreRowErrorsNamingTheColumn() {
        var job = fixture.importSheetRaw(AllocationFixture.SHEET_HEADER
                + asin() + ",PO-1,x,0.0001,10,8,4,3,3,12345678901234,2026-10-01,0.10,2.00\n"
                + asin() + ",PO-1,x,1,10,8,4,12345678901,3,4.00,2099-12-31,0.10,2.00\n");

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.rowsTotal()).isEqualTo(2);
        String errors = new String(bucket.objects.get(job.errorsObject()), StandardCharsets.UTF_8);
        assertThat(errors).contains("2,unit_weight_lb,0.0001 has more than 3 decimals")
                .contains("2,unit_cost,\"12345678901234 is above the maximum 10,000,000.00\"")
                .contains("3,qty_purchased,\"12345678901 is above the maximum 1,000,000\"")
                .contains("3,date_added,2099-12-31 is in the future")
                .doesNotContain("PSQLException").doesNotContain("clashes");
    }

    private String lot(String asin) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select unit_weight_lb || ' ' || unit_cost || ' ' || max_ship || ' ' || title t from inventory_lot"
                        + " where asin = ?", List.of(asin), r -> r.getString("t")).orElseThrow());
    }
}
