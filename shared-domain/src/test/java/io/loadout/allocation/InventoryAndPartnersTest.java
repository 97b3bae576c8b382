package io.loadout.allocation;

import static io.loadout.allocation.AllocationFixture.asin;
import static io.loadout.allocation.AllocationFixture.row;
import static io.loadout.allocation.AllocationFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.imports.ImportStatus;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three data sources: the buying sheet, the AutoFBA panel feed, the ungating software. */
@QuarkusTest
class InventoryAndPartnersTest {

    @Inject
    AllocationFixture fixture;
    @Inject
    PartnerSync partners;
    @Inject
    UngatingService ungating;
    @Inject
    Sql sql;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    RecordingEventPublisher events;

    @Test
    void theSheetUpsertsByAsinAndBatchAndReportsNewChangedUnchanged() {
        String a = asin();
        String b = asin();
        var first = fixture.importSheet(row(a, "PO-1", "1.5", "10", "8", "4", 20, 20, "12.50", "2026-10-01", "0.10", "2.00")
                + row(a, "PO-2", "1.5", "10", "8", "4", 10, 10, "12.00", "11/02/2026", "0.10", "2.00")
                + row(b, "PO-1", "3", "12", "12", "12", 5, 5, "$30.00", "2026-11-01", "", "4.50"));

        assertThat(first.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(first.detail()).isEqualTo("3 new, 0 changed, 0 unchanged");
        assertThat(fixture.lot(a, "PO-2")).containsExactly(10, 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select min_ship, date_added::text d from inventory_lot where asin = ?", List.of(b),
                r -> r.getDecimal("min_ship") + " " + r.getString("d")).orElseThrow()))
                .as("min shipping defaults to $0.10").isEqualTo("0.10 2026-11-01");

        var second = fixture.importSheet(row(a, "PO-1", "1.5", "10", "8", "4", 20, 18, "12.50", "2026-10-01", "0.10", "2.00")
                + row(a, "PO-2", "1.5", "10", "8", "4", 10, 10, "12.00", "2026-11-02", "0.10", "2.00"));

        assertThat(second.detail()).isEqualTo("0 new, 1 changed, 1 unchanged");
        assertThat(fixture.lot(a, "PO-1")).as("remaining, allocated").containsExactly(18, 0);
    }

    @Test
    void aSheetWithBadRowsIsRefusedWholeWithEveryRowNamed() throws Exception {
        String good = asin();
        var job = fixture.importSheet(row(good, "PO-1", "1", "5", "5", "5", 3, 3, "9.99", "2026-11-01", "0.10", "1.00")
                + row("bad", "PO-1", "1", "5", "5", "5", 3, 3, "9.99", "2026-11-01", "0.10", "1.00")
                + row(asin(), "PO-1", "0", "5", "5", "5", 3, 4, "9.99", "yesterday", "0.50", "0.20"));

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.rowsSucceeded()).isZero();
        String errors = new String(bucket.objects.get(job.errorsObject()), StandardCharsets.UTF_8);
        // rows are file lines: the header is line 1, so the second data row is line 3
        assertThat(errors).contains("3,asin,").contains("4,unit_weight_lb,").contains("4,qty_remaining,")
                .contains("4,date_added,").contains("4,max_ship,");
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.list("select id from inventory_lot where asin = ?",
                List.of(good), r -> r.getLong("id")))).as("nothing of the file was written").isEmpty();
    }

    @Test
    void aRepeatedAsinAndBatchIsRefusedNamingTheFirstLineAndTextArrivesAsWritten() {
        String a = asin();
        String b = asin();
        String repeated = row(a, "PO-7", "1", "5", "5", "5", 3, 3, "9.99", "2026-11-01", "0.10", "1.00");
        var job = fixture.importSheet(repeated
                + row(b, "PO-7", "1", "5", "5", "5", 3, 3, "9.99", "2026-11-01", "0.10", "1.00") + repeated + repeated);

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        String errors = new String(bucket.objects.get(job.errorsObject()), StandardCharsets.UTF_8);
        assertThat(errors).contains("4,batch,ASIN " + a + " batch PO-7 is already on line 2")
                .contains("5,batch,ASIN " + a + " batch PO-7 is already on line 2").doesNotContain("\n3,");
        assertThat(job.rowsTotal()).isEqualTo(4);

        // text goes through COPY: quotes, separators, a line break and non-ASCII letters must arrive unchanged
        String title = "Crème \"brûlée\", torch;\nlarge";
        var fixed = fixture.importSheet(row(a, "PO-7", "1", "5", "5", "5", 3, 3, "9.99", "2026-11-01", "0.10", "1.00")
                .replace("Item " + a, "\"" + title.replace("\"", "\"\"") + "\""));

        assertThat(fixed.status()).as(fixed.errorSummary()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.one("select title from inventory_lot where asin = ?",
                List.of(a), r -> r.getString("title")).orElseThrow())).isEqualTo(title);
    }

    @Test
    void aSheetMissingColumnsIsRefusedNamingThem() {
        var job = fixture.importSheetRaw("asin,title\nB000000001,x\n");

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.errorSummary()).contains("batch").contains("max_ship").contains("length_in");
    }

    @Test
    void theSheetMayNotLowerALotBelowItsAllocatedUnits() {
        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 10, 10, "5.00", "2026-11-01", "0.10", "1.00"));
        QuarkusTransaction.requiringNew().run(() -> sql.update(
                "update inventory_lot set qty_allocated = 6 where asin = ?", List.of(a)));

        var job = fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 10, 4, "5.00", "2026-11-01", "0.10", "1.00"));

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.errorSummary()).contains("below the 6 units already allocated");
        assertThat(fixture.lot(a, "PO-1")).containsExactly(10, 6);
    }

    @Test
    void theDatabaseRefusesAllocatingMoreThanALotHolds() {
        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 10, 10, "5.00", "2026-11-01", "0.10", "1.00"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> sql.update(
                "update inventory_lot set qty_allocated = 11 where asin = ?", List.of(a))))
                .satisfies(e -> assertThat(Sql.violatedConstraint(e)).contains("inventory_lot_available"));
    }

    @Test
    void theAutoFbaFeedIgnoresStaleUpdatesAndBooksEachEntryOnce() {
        String client = unique("C-");
        String store = unique("S-");
        String mutual = unique("M-");
        Instant t0 = TestClock.CLOCK.instant();
        var entry = new AutoFbaFeed.Entry(unique("E-"), client, AutoFbaFeed.PartnerEntryKind.DEPOSIT,
                new BigDecimal("500.00"), "wire 1", t0);
        // the entry and a membership arrive before the client and mutual store are announced
        var early = partners.apply(new AutoFbaFeed(List.of(), List.of(), List.of(entry)));
        assertThat(early.entriesBooked()).isEqualTo(1);

        partners.apply(new AutoFbaFeed(List.of(new AutoFbaFeed.Client(client, "Acme", "acme@example.com",
                t0.plusSeconds(10), List.of(store, mutual))),
                List.of(new AutoFbaFeed.Store(store, "Acme US", false, t0), new AutoFbaFeed.Store(mutual, "Shared", true, t0)),
                List.of(entry, new AutoFbaFeed.Entry(unique("E-"), client, AutoFbaFeed.PartnerEntryKind.SERVICE_FEE,
                        new BigDecimal("20.00"), null, t0.plusSeconds(5)))));
        var stale = partners.apply(new AutoFbaFeed(List.of(new AutoFbaFeed.Client(client, "Old name", null,
                t0.plusSeconds(1), List.of(store))), List.of(new AutoFbaFeed.Store(mutual, "Old", false, t0.minusSeconds(9))),
                List.of(entry)));

        assertThat(stale).isEqualTo(new PartnerSync.Applied(0, 0, 0, 3));
        long clientId = QuarkusTransaction.requiringNew().call(() -> fixture.id("alloc_client", client));
        assertThat(fixture.balance(clientId)).isEqualByComparingTo("480.00");
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.list("""
                select c.name, c.email, s.external_id, s.mutual from alloc_client c
                  join alloc_client_store m on m.client_id = c.id join alloc_store s on s.id = m.store_id
                 where c.id = ? order by s.mutual""", List.of(clientId),
                r -> r.getString("name") + "|" + r.getString("email") + "|" + r.getString("external_id") + "|"
                        + r.getBoolean("mutual"))))
                .containsExactly("Acme|acme@example.com|" + store + "|false", "Acme|acme@example.com|" + mutual + "|true");
    }

    @Test
    void theLedgerIsAppendOnlyAndOurDebitsCannotOverdraw() {
        var tenant = fixture.tenant("100.00", false);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> sql.update(
                "update alloc_ledger_entry set amount = 1000 where client_id = ?", List.of(tenant.clientId()))))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> sql.update("""
                insert into alloc_ledger_entry (client_id, kind, amount, reference, occurred_at, created_at, created_by)
                values (?, 'GOODS_DEBIT', -100.01, 'test', now(), now(), 'test')""", List.of(tenant.clientId()))))
                .satisfies(e -> assertThat(Sql.violatedConstraint(e)).contains("alloc_ledger_no_overdraft"));
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                insert into alloc_ledger_entry (client_id, kind, amount, reference, occurred_at, created_at, created_by)
                values (?, 'GOODS_DEBIT', -100.00, 'test', now(), now(), 'test')""", List.of(tenant.clientId())));
        assertThat(fixture.balance(tenant.clientId())).isEqualByComparingTo("0");
    }

    @Test
    void ungatingIgnoresOlderUpdatesKeepsHistoryAndOpensOneInvoiceTask() {
        String store = fixture.tenant(null, false).storeExternalId();
        String a = asin();
        Instant t = TestClock.CLOCK.instant();
        events.published.clear();

        var first = ungating.apply(List.of(new UngatingUpdate(store, a, UngatingStatus.INVOICE_NEEDED, t)), "ungating-software");
        var repeat = ungating.apply(List.of(new UngatingUpdate(store, a, UngatingStatus.INVOICE_NEEDED, t.plusSeconds(5))),
                "ungating-software");
        var late = ungating.apply(List.of(new UngatingUpdate(store, a, UngatingStatus.NO, t.minusSeconds(60))),
                "ungating-software");

        assertThat(first.tasksOpened()).hasSize(1);
        assertThat(repeat.tasksOpened()).as("one open task per store and ASIN").isEmpty();
        assertThat(late.applied()).isZero();
        assertThat(late.ignored()).isEqualTo(1);
        assertThat(status(store, a)).isEqualTo("INVOICE_NEEDED");
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.list("""
                select h.status, h.applied from ungating_history h join alloc_store s on s.id = h.store_id
                 where s.external_id = ? order by h.id""", List.of(store), r -> r.getString("status") + ":" + r.getBoolean("applied"))))
                .containsExactly("INVOICE_NEEDED:true", "INVOICE_NEEDED:true", "NO:false");
        assertThat(events.ofType(InvoiceNeeded.TYPE)).hasSize(1);

        ungating.apply(List.of(new UngatingUpdate(store, a, UngatingStatus.YES, t.plusSeconds(60))), "account:1");

        assertThat(status(store, a)).isEqualTo("YES");
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select t.status, t.done_by from admin_task t join alloc_store s on s.id = t.store_id
                 where s.external_id = ? and t.asin = ?""", List.of(store, a),
                r -> r.getString("status") + " by " + r.getString("done_by")).orElseThrow()))
                .isEqualTo("DONE by account:1");
    }

    @Test
    void aBatchWithTwoUpdatesForOneAsinAppliesTheNewest() {
        String store = fixture.tenant(null, false).storeExternalId();
        String a = asin();
        Instant t = TestClock.CLOCK.instant();

        var result = ungating.apply(List.of(new UngatingUpdate(store, a, UngatingStatus.YES, t.plus(Duration.ofMinutes(2))),
                new UngatingUpdate(store, a.toLowerCase(), UngatingStatus.NO, t)), "ungating-software");

        assertThat(result.applied()).isEqualTo(1);
        assertThat(status(store, a)).isEqualTo("YES");
    }

    private String status(String store, String asin) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select u.status from ungating u join alloc_store s on s.id = u.store_id
                 where s.external_id = ? and u.asin = ?""", List.of(store, asin), r -> r.getString("status")).orElseThrow());
    }
}
