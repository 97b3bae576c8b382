package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.alert.AlertService;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The allocation lists: keyset pages (newest first), one query per page. A CLIENT caller sees only the rows of the
 * clients linked to its account; lots are the shop window and visible to every caller.
 */
@ApplicationScoped
public class AllocationQueries {

    private final Sql sql;
    private final Directory directory;
    private final AdminTasks tasks;
    private final AlertService alerts;
    private final Clock clock;

    AllocationQueries(Sql sql, Directory directory, AdminTasks tasks, AlertService alerts, Clock clock) {
        this.sql = sql;
        this.directory = directory;
        this.tasks = tasks;
        this.alerts = alerts;
        this.clock = clock;
    }

    @RegisterForReflection
    public record LotView(long id, String asin, String batch, String title, BigDecimal unitWeightLb, BigDecimal lengthIn,
                          BigDecimal widthIn, BigDecimal heightIn, int qtyPurchased, int qtyRemaining, int qtyAllocated,
                          int available, BigDecimal unitCost, LocalDate dateAdded, int ageDays, BigDecimal minShip,
                          BigDecimal maxShip) {
    }

    /** {@code minAgeDays}/{@code maxAgeDays}: days since the lot was added; {@code available}: only lots with units left. */
    public record LotFilter(String asin, Integer minAgeDays, Integer maxAgeDays, Boolean available) {
        public LotFilter {
            notNegative("minAgeDays", minAgeDays);
            notNegative("maxAgeDays", maxAgeDays);
        }

        private static void notNegative(String field, Integer days) {
            if (days != null && days < 0) {
                throw new DomainException.InvalidInput(field, field + " must be 0 or more");
            }
        }
    }

    @RegisterForReflection
    public record ClientView(long id, String externalId, String name, String email, Long accountId, BigDecimal balance,
                             BigDecimal reservedByDrafts, BigDecimal spendable, List<String> stores) {
    }

    @RegisterForReflection
    public record LedgerEntryView(long id, LedgerKind kind, BigDecimal amount, String reference, Instant occurredAt,
                                  String createdBy) {
    }

    @RegisterForReflection
    public record StoreView(long id, String externalId, String name, boolean mutual, List<String> clients) {
    }

    @RegisterForReflection
    public record UngatingView(long id, long storeId, String store, String asin, UngatingStatus status,
                               Instant sourceUpdatedAt, Instant receivedAt, String source) {
    }

    public record UngatingFilter(Long storeId, String asin, UngatingStatus status) {
    }

    @RegisterForReflection
    public record UngatingHistoryView(long id, UngatingStatus status, Instant sourceUpdatedAt, Instant receivedAt,
                                      String source, boolean applied) {
    }

    @RegisterForReflection
    public record AdminTaskView(long id, String kind, long storeId, String store, String asin, String title,
                                String status, Instant createdAt, Instant doneAt, String doneBy) {
    }

    @RegisterForReflection
    public record CartSummary(long id, long clientId, String client, long storeId, String store, CartStatus status,
                              BigDecimal requestedAmount, BigDecimal goodsTotal, Instant createdAt, Instant expiresAt,
                              Instant confirmedAt) {
    }

    public record CartFilter(Long clientId, Long storeId, CartStatus status) {
    }

    @RegisterForReflection
    public record PalletSummary(long id, String code, long clientId, String client, long storeId, String store,
                                String destination, PalletStatus status, BigDecimal totalShipping, int units,
                                BigDecimal volumeFill, BigDecimal weightFill, LocalDate shippedOn, Instant createdAt) {
    }

    public record PalletFilter(Long clientId, Long storeId, PalletStatus status) {
    }

    @Transactional
    public Page<LotView> lots(LotFilter filter, PageRequest page) {
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var where = new Where().equal("asin", filter.asin() == null ? null : Asin.require("asin", filter.asin()));
        if (filter.minAgeDays() != null) {
            where.add("date_added <= ?", today.minusDays(filter.minAgeDays()));
        }
        if (filter.maxAgeDays() != null) {
            where.add("date_added >= ?", today.minusDays(filter.maxAgeDays()));
        }
        if (Boolean.TRUE.equals(filter.available())) {
            where.add("qty_allocated < qty_remaining");
        }
        return page("select * from inventory_lot", where, "id", page, r -> {
            var added = r.getObject("date_added", LocalDate.class);
            int remaining = (int) r.getLong("qty_remaining");
            int allocated = (int) r.getLong("qty_allocated");
            return new LotView(r.getLong("id"), r.getString("asin"), r.getString("batch"), r.getString("title"),
                    r.getDecimal("unit_weight_lb"), r.getDecimal("length_in"), r.getDecimal("width_in"),
                    r.getDecimal("height_in"), (int) r.getLong("qty_purchased"), remaining, allocated,
                    remaining - allocated, r.getDecimal("unit_cost"), added,
                    (int) ChronoUnit.DAYS.between(added, today), r.getDecimal("min_ship"),
                    r.getDecimal("max_ship"));
        }, LotView::id);
    }

    /** The dashboard's balance figures: how many clients are below zero (partner fees can do that) and by how much. */
    @RegisterForReflection
    public record BalanceSummary(long clients, long negativeClients, BigDecimal negativeTotal) {
    }

    @Transactional
    public BalanceSummary balanceSummary() {
        return sql.one("""
                select count(*) clients, count(*) filter (where balance < 0) negative,
                       coalesce(sum(balance) filter (where balance < 0), 0) negative_total
                  from (select c.id, coalesce(sum(e.amount), 0) balance from alloc_client c
                          left join alloc_ledger_entry e on e.client_id = c.id group by c.id) b""", List.of(),
                r -> new BalanceSummary(r.getLong("clients"), r.getLong("negative"), r.getDecimal("negative_total")))
                .orElseThrow();
    }

    /** {@code negativeOnly}: just the clients whose balance is below zero. */
    @Transactional
    public Page<ClientView> clients(String query, boolean negativeOnly, PageRequest page, Caller caller) {
        var where = new Where().equal("c.account_id", caller.ownerFilter()).containsInAny(query, "c.name", "c.external_id");
        if (negativeOnly) {
            where.add("b.balance < 0");
        }
        return sql.page(CLIENTS, List.of(clock.instant()), where, "c.id", page, this::client, ClientView::id);
    }

    @Transactional
    public ClientView client(long clientId, Caller caller) {
        var client = sql.one(CLIENTS + " where c.id = ?", List.of(clock.instant(), clientId), this::client)
                .orElseThrow(() -> new DomainException.NotFound("client", clientId));
        caller.requireVisible("client", clientId, client.accountId());
        return client;
    }

    /** Links a client to a login, so that the login (a CLIENT token) sees this client's data. */
    @Transactional
    public ClientView linkAccount(long clientId, Long accountId, Caller caller) {
        directory.client(clientId, caller);
        if (accountId != null && sql.one("select 1 from account where id = ? and role = 'CLIENT'", List.of(accountId),
                r -> 1).isEmpty()) {
            throw new DomainException.InvalidInput("accountId", "accountId must name a CLIENT account; " + accountId
                    + " does not");
        }
        directory.linkLogin(clientId, accountId, clock.instant());
        // alerts raised about the client before this login existed become the login's too
        alerts.assignAudience(ClientRef.audience(clientId), accountId);
        return client(clientId, caller);
    }

    @Transactional
    public Page<LedgerEntryView> ledger(long clientId, PageRequest page, Caller caller) {
        directory.client(clientId, caller);
        return page("select * from alloc_ledger_entry", new Where().equal("client_id", clientId), "id", page,
                r -> new LedgerEntryView(r.getLong("id"), r.getEnum("kind", LedgerKind.class), r.getDecimal("amount"),
                        r.getString("reference"), r.getInstant("occurred_at"), r.getString("created_by")),
                LedgerEntryView::id);
    }

    @Transactional
    public Page<StoreView> stores(PageRequest page, Caller caller) {
        var where = new Where();
        restrictToOwnStores(where, "s.id", caller);
        // A mutual store is shared by several tenants: a CLIENT sees only its own clients among its members.
        return sql.page("""
                select s.*, array(select c.external_id from alloc_client_store m join alloc_client c on c.id = m.client_id
                                   where m.store_id = s.id and (?::bigint is null or c.account_id = ?)
                                   order by c.external_id) clients
                  from alloc_store s""", Arrays.asList(caller.ownerFilter(), caller.ownerFilter()), where, "s.id", page,
                r -> new StoreView(r.getLong("id"), r.getString("external_id"), r.getString("name"), r.getBoolean("mutual"),
                        r.getStrings("clients")), StoreView::id);
    }

    @Transactional
    public Page<UngatingView> ungating(UngatingFilter filter, PageRequest page, Caller caller) {
        var where = new Where().equal("u.store_id", filter.storeId()).equal("u.status", filter.status())
                .equal("u.asin", filter.asin() == null ? null : Asin.require("asin", filter.asin()));
        restrictToOwnStores(where, "u.store_id", caller);
        return page("select u.*, s.external_id store from ungating u join alloc_store s on s.id = u.store_id", where,
                "u.id", page, r -> new UngatingView(r.getLong("id"), r.getLong("store_id"), r.getString("store"),
                        r.getString("asin"), r.getEnum("status", UngatingStatus.class), r.getInstant("source_updated_at"),
                        r.getInstant("received_at"), r.getString("source")), UngatingView::id);
    }

    /** Every update received for a store and ASIN, newest first, applied or ignored as stale. */
    @Transactional
    public List<UngatingHistoryView> ungatingHistory(long storeId, String asin, Caller caller) {
        var where = new Where().equal("store_id", storeId).equal("asin", Asin.require("asin", asin));
        restrictToOwnStores(where, "store_id", caller);
        return sql.list("select * from ungating_history" + where.sql() + " order by id desc limit 500", where.params(),
                r -> new UngatingHistoryView(r.getLong("id"), r.getEnum("status", UngatingStatus.class),
                        r.getInstant("source_updated_at"), r.getInstant("received_at"), r.getString("source"),
                        r.getBoolean("applied")));
    }

    @Transactional
    public Page<AdminTaskView> adminTasks(String status, PageRequest page) {
        return page("select t.*, s.external_id store from admin_task t join alloc_store s on s.id = t.store_id",
                new Where().equal("t.status", status), "t.id", page, AllocationQueries::task, AdminTaskView::id);
    }

    /** Marks a task done by hand (an invoice uploaded outside the ungating software); done twice is a no-op. */
    @Transactional
    public AdminTaskView completeTask(long id, Actor actor) {
        tasks.complete(id, actor, clock.instant());
        return sql.one("select t.*, s.external_id store from admin_task t join alloc_store s on s.id = t.store_id"
                + " where t.id = ?", List.of(id), AllocationQueries::task)
                .orElseThrow(() -> new DomainException.NotFound("admin task", id));
    }

    @Transactional
    public Page<CartSummary> carts(CartFilter filter, PageRequest page, Caller caller) {
        var where = new Where().equal("x.client_id", filter.clientId()).equal("x.store_id", filter.storeId())
                .equal("x.status", filter.status()).equal("c.account_id", caller.ownerFilter());
        return page("""
                select x.*, c.external_id client, s.external_id store from cart x
                  join alloc_client c on c.id = x.client_id join alloc_store s on s.id = x.store_id""", where, "x.id",
                page, r -> new CartSummary(r.getLong("id"), r.getLong("client_id"), r.getString("client"),
                        r.getLong("store_id"), r.getString("store"), r.getEnum("status", CartStatus.class),
                        r.getDecimal("requested_amount"), r.getDecimal("goods_total"), r.getInstant("created_at"),
                        r.getInstant("expires_at"), r.getInstant("confirmed_at")), CartSummary::id);
    }

    @Transactional
    public Page<PalletSummary> pallets(PalletFilter filter, PageRequest page, Caller caller) {
        var where = new Where().equal("p.client_id", filter.clientId()).equal("p.store_id", filter.storeId())
                .equal("p.status", filter.status()).equal("c.account_id", caller.ownerFilter());
        return page("""
                select p.*, c.external_id client, s.external_id store, d.external_id destination,
                       (select coalesce(sum(quantity), 0) from pallet_line where pallet_id = p.id) units
                  from pallet p join alloc_client c on c.id = p.client_id join alloc_store s on s.id = p.store_id
                  join alloc_store d on d.id = p.destination_store_id""", where, "p.id", page,
                r -> new PalletSummary(r.getLong("id"), r.getString("code"), r.getLong("client_id"),
                        r.getString("client"), r.getLong("store_id"), r.getString("store"), r.getString("destination"),
                        r.getEnum("status", PalletStatus.class), r.getDecimal("total_shipping"), (int) r.getLong("units"),
                        r.getDecimal("volume_fill"), r.getDecimal("weight_fill"),
                        r.getObject("shipped_on", LocalDate.class), r.getInstant("created_at")), PalletSummary::id);
    }

    private static final String CLIENTS = """
            select c.*, b.balance, d.reserved,
                   array(select s.external_id from alloc_client_store m join alloc_store s on s.id = m.store_id
                          where m.client_id = c.id order by s.external_id) stores
              from alloc_client c
              cross join lateral (select coalesce(sum(amount), 0) balance from alloc_ledger_entry
                                   where client_id = c.id) b
              cross join lateral (select coalesce(sum(goods_total), 0) reserved from cart
                                   where client_id = c.id and status = 'DRAFT' and expires_at > cast(? as timestamptz)) d""";

    private ClientView client(Sql.Row r) throws java.sql.SQLException {
        var balance = r.getDecimal("balance");
        var reserved = r.getDecimal("reserved");
        return new ClientView(r.getLong("id"), r.getString("external_id"), r.getString("name"), r.getString("email"),
                r.getLongOrNull("account_id"), balance, reserved, balance.subtract(reserved).max(BigDecimal.ZERO),
                r.getStrings("stores"));
    }

    private static AdminTaskView task(Sql.Row r) throws java.sql.SQLException {
        return new AdminTaskView(r.getLong("id"), r.getString("kind"), r.getLong("store_id"), r.getString("store"),
                r.getString("asin"), r.getString("title"), r.getString("status"), r.getInstant("created_at"),
                r.getInstant("done_at"), r.getString("done_by"));
    }

    private static void restrictToOwnStores(Where where, String storeColumn, Caller caller) {
        if (caller.ownerFilter() != null) {
            where.add("exists (select 1 from alloc_client_store m join alloc_client c on c.id = m.client_id"
                    + " where m.store_id = " + storeColumn + " and c.account_id = ?)", caller.ownerFilter());
        }
    }

    private <T> Page<T> page(String select, Where where, String idColumn, PageRequest page, Sql.RowMapper<T> mapper,
                             ToLongFunction<T> id) {
        return sql.page(select, List.of(), where, idColumn, page, mapper, id);
    }
}
