package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.account.Role;
import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportJobRepository;
import io.loadout.imports.ImportService;
import io.loadout.imports.StoredObject;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds allocation test data through the real entry points: the AutoFBA feed, ungating, the sheet import. */
@ApplicationScoped
public class AllocationFixture {

    static final Caller ADMIN = new Caller(1, Role.ADMIN);
    static final String SHEET_HEADER = "ASIN,Batch,Title,Item Weight,Length,Width,Height,Quantity Purchased,"
            + "Remaining Quantity,Unit Cost,Date Added,Min Shipping Price,Max Shipping Price\n";
    private static final AtomicLong GENERATION = new AtomicLong(900_000);

    final PartnerSync partners;
    final UngatingService ungating;
    final ImportService imports;
    final ImportJobRepository jobs;
    final InMemoryBlobStore bucket;
    final Sql sql;

    AllocationFixture(PartnerSync partners, UngatingService ungating, ImportService imports, ImportJobRepository jobs,
                      InMemoryBlobStore bucket, Sql sql) {
        this.partners = partners;
        this.ungating = ungating;
        this.imports = imports;
        this.jobs = jobs;
        this.bucket = bucket;
        this.sql = sql;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A fresh ASIN no other test uses. */
    static String asin() {
        return unique("B0").substring(0, 10);
    }

    record Tenant(long clientId, String clientExternalId, long storeId, String storeExternalId, Long mutualStoreId) {
    }

    /** A client with its own store (and optionally a mutual store), announced by the AutoFBA feed, with a deposit. */
    Tenant tenant(String deposit, boolean withMutualStore) {
        String client = unique("C-");
        String store = unique("S-");
        String mutual = withMutualStore ? unique("M-") : null;
        var now = TestClock.CLOCK.instant();
        var stores = withMutualStore
                ? List.of(new AutoFbaFeed.Store(store, "Store " + store, false, now),
                        new AutoFbaFeed.Store(mutual, "Mutual " + mutual, true, now))
                : List.of(new AutoFbaFeed.Store(store, "Store " + store, false, now));
        var entries = deposit == null ? List.<AutoFbaFeed.Entry>of() : List.of(new AutoFbaFeed.Entry(unique("E-"), client,
                AutoFbaFeed.PartnerEntryKind.DEPOSIT, new BigDecimal(deposit), "wire", now));
        partners.apply(new AutoFbaFeed(List.of(new AutoFbaFeed.Client(client, "Client " + client, client + "@example.com",
                now, withMutualStore ? List.of(store, mutual) : List.of(store))), stores, entries));
        return QuarkusTransaction.requiringNew().call(() -> new Tenant(id("alloc_client", client), client,
                id("alloc_store", store), store, mutual == null ? null : id("alloc_store", mutual)));
    }

    long id(String table, String externalId) {
        return sql.one("select id from " + table + " where external_id = ?", List.of(externalId), r -> r.getLong("id"))
                .orElseThrow();
    }

    void ungate(String store, String asin, UngatingStatus status) {
        ungating.apply(List.of(new UngatingUpdate(store, asin, status, Instant.now())), "test");
    }

    /** One sheet row: ASIN, batch, weight, L, W, H, purchased, remaining, unit cost, date added, min, max. */
    static String row(String asin, String batch, String weight, String l, String w, String h, int purchased,
                      int remaining, String cost, String added, String min, String max) {
        return String.join(",", asin, batch, "Item " + asin, weight, l, w, h, String.valueOf(purchased),
                String.valueOf(remaining), cost, added, min, max) + "\n";
    }

    ImportJob importSheet(String rows) {
        return importSheetRaw(SHEET_HEADER + rows);
    }

    ImportJob importSheetRaw(String csv) {
        return importSheetBytes(csv.getBytes(StandardCharsets.UTF_8));
    }

    ImportJob importSheetBytes(byte[] content) {
        String name = "imports/inventory/" + unique("sheet-") + ".csv";
        bucket.objects.put(name, content);
        var object = new StoredObject("bucket", name, GENERATION.incrementAndGet(), (long) content.length, "text/csv");
        imports.onObjectFinalized(object);
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }

    BigDecimal balance(long clientId) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select coalesce(sum(amount), 0) b from alloc_ledger_entry where client_id = ?", List.of(clientId),
                r -> r.getDecimal("b")).orElseThrow());
    }

    /** remaining, allocated of the lot. */
    int[] lot(String asin, String batch) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select qty_remaining, qty_allocated from inventory_lot where asin = ? and batch = ?", List.of(asin, batch),
                r -> new int[] {(int) r.getLong("qty_remaining"), (int) r.getLong("qty_allocated")}).orElseThrow());
    }
}
