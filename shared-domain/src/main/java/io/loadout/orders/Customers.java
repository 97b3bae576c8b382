package io.loadout.orders;

import static io.loadout.shared.Text.strippedOrNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.account.AccountService;
import io.loadout.orders.OrdersCommands.CustomerChanges;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersViews.CustomerView;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only writer of {@code customer}. One customer per email (any case) and seller: the database refuses a second
 * one, and the refusal names {@code email}.
 */
@ApplicationScoped
public class Customers {

    private static final TypeReference<Map<String, String>> SOCIAL = new TypeReference<>() {
    };

    private final Sql sql;
    private final ObjectMapper json;
    private final OrdersConfig config;
    private final AccountService accounts;

    Customers(Sql sql, ObjectMapper json, OrdersConfig config, AccountService accounts) {
        this.sql = sql;
        this.json = json;
        this.config = config;
        this.accounts = accounts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CustomerView create(long sellerId, NewCustomer cmd, Instant now, Actor actor) {
        String email = strippedOrNull(cmd.email());
        var phone = Optional.ofNullable(strippedOrNull(cmd.phone()))
                .map(p -> PhoneNumber.parse("phone", p, config.defaultCountryCode()));
        if (email != null) {
            byEmail(sellerId, email).ifPresent(existing -> {
                throw emailTaken(sellerId, email, existing);
            });
        }
        try {
            return sql.one("""
                    insert into customer (seller_id, name, email, phone, phone_e164, address, social, notes,
                                          created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning *""",
                    Arrays.asList(sellerId, cmd.name().strip(), email, phone.map(PhoneNumber::entered).orElse(null),
                            phone.flatMap(PhoneNumber::e164).orElse(null), strippedOrNull(cmd.address()),
                            socialJson(cmd.social()), strippedOrNull(cmd.notes()), now, actor.name(), now, actor.name()),
                    this::view).orElseThrow();
        } catch (RuntimeException e) {
            if (Sql.violatedConstraint(e).filter("customer_seller_email_uq"::equals).isPresent()) {
                throw emailTaken(sellerId, email, byEmail(sellerId, email).orElse(null)); // a racing create won
            }
            throw e;
        }
    }

    /** Changes the seller's customer (404 for another seller's); a new email must still be the seller's only one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CustomerView change(long sellerId, long customerId, CustomerChanges changes, Instant now, Actor actor) {
        find(sellerId, customerId).orElseThrow(() -> new DomainException.NotFound("customer", customerId));
        String email = strippedOrNull(changes.email());
        if (email != null) {
            byEmail(sellerId, email).filter(c -> c.id() != customerId).ifPresent(other -> {
                throw emailTaken(sellerId, email, other);
            });
        }
        var phone = Optional.ofNullable(strippedOrNull(changes.phone()))
                .map(p -> PhoneNumber.parse("phone", p, config.defaultCountryCode()));
        try {
            return sql.one("""
                    update customer set name = coalesce(?, name), email = coalesce(?, email), phone = coalesce(?, phone),
                                        phone_e164 = case when ? then ? else phone_e164 end,
                                        address = coalesce(?, address), social = coalesce(?::jsonb, social),
                                        notes = coalesce(?, notes), updated_at = ?, updated_by = ?
                     where id = ? and seller_id = ? returning *""",
                    Arrays.asList(strippedOrNull(changes.name()), email, phone.map(PhoneNumber::entered).orElse(null),
                            phone.isPresent(), phone.flatMap(PhoneNumber::e164).orElse(null),
                            strippedOrNull(changes.address()), changes.social() == null ? null : socialJson(changes.social()),
                            strippedOrNull(changes.notes()), now, actor.name(), customerId, sellerId), this::view)
                    .orElseThrow();
        } catch (RuntimeException e) {
            if (email != null && Sql.violatedConstraint(e).filter("customer_seller_email_uq"::equals).isPresent()) {
                throw emailTaken(sellerId, email, byEmail(sellerId, email).orElse(null)); // a racing change won
            }
            throw e;
        }
    }

    /** A customer as another system (the storefront) knows it: its id there and when it last changed there. */
    public record ExternalCustomer(String externalId, String name, String email, String phone, Instant updatedAt) {
    }

    /** What an external customer became: the customer, whether it is new or changed, and what was left out. */
    public record Upserted(CustomerView customer, boolean created, boolean changed, List<String> notes) {
    }

    /**
     * Creates or updates the customer the storefront announces, keeping the newest: a change dated no later than
     * the one applied last changes nothing (deliveries come late, twice and out of order). A new external customer
     * whose email the seller already has takes over that customer. Nothing the storefront sends refuses the
     * delivery: an email taken by another customer or an unreadable phone is left out and noted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Upserted upsertExternal(long sellerId, ExternalCustomer ext, Instant now, Actor actor) {
        sql.lockKey("customer:" + sellerId + ":" + ext.externalId());
        var notes = new java.util.ArrayList<String>();
        String email = strippedOrNull(ext.email());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            notes.add("email left out: '" + email + "' is not an email address");
            email = null;
        }
        PhoneNumber phone = null;
        try {
            phone = strippedOrNull(ext.phone()) == null ? null
                    : PhoneNumber.parse("phone", ext.phone().strip(), config.defaultCountryCode());
        } catch (DomainException.InvalidInput unreadable) {
            notes.add("phone left out: " + unreadable.getMessage());
        }
        var stored = sql.one("select id, external_updated_at from customer where seller_id = ? and external_id = ?",
                List.of(sellerId, ext.externalId()), r -> Map.entry(r.getLong("id"), r.getInstant("external_updated_at")));
        Long id = stored.map(Map.Entry::getKey).orElse(null);
        if (stored.isPresent() && !ext.updatedAt().isAfter(stored.get().getValue())) {
            return new Upserted(find(sellerId, id).orElseThrow(), false, false,
                    List.of("older than the change applied last"));
        }
        if (id == null && email != null) {
            var sameEmail = sql.one("select id, external_id from customer where seller_id = ? and lower(email) = lower(?)",
                    List.of(sellerId, email), r -> Map.entry(r.getLong("id"), Optional.ofNullable(r.getString("external_id"))));
            if (sameEmail.isPresent() && sameEmail.get().getValue().isEmpty()) {
                id = sameEmail.get().getKey();
            } else if (sameEmail.isPresent()) {
                notes.add("email left out: customer " + sameEmail.get().getKey() + " has it");
                email = null;
            }
        }
        if (id == null) {
            var created = sql.one("""
                    insert into customer (seller_id, name, email, phone, phone_e164, social, external_id,
                                          external_updated_at, created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, '{}'::jsonb, ?, ?, ?, ?, ?, ?) returning *""",
                    Arrays.asList(sellerId, ext.name(), email, phone == null ? null : phone.entered(),
                            phone == null ? null : phone.e164().orElse(null), ext.externalId(), ext.updatedAt(), now,
                            actor.name(), now, actor.name()), this::view).orElseThrow();
            return new Upserted(created, true, true, List.copyOf(notes));
        }
        long self = id;
        if (email != null && byEmail(sellerId, email).filter(c -> c.id() != self).isPresent()) {
            notes.add("email left out: another customer has it");
            email = null;
        }
        var updated = sql.one("""
                update customer set name = ?, email = coalesce(?, email), phone = coalesce(?, phone),
                                    phone_e164 = case when ? then ? else phone_e164 end, external_id = ?,
                                    external_updated_at = ?, updated_at = ?, updated_by = ?
                 where id = ? and seller_id = ? returning *""",
                Arrays.asList(ext.name(), email, phone == null ? null : phone.entered(), phone != null,
                        phone == null ? null : phone.e164().orElse(null), ext.externalId(), ext.updatedAt(), now,
                        actor.name(), id, sellerId), this::view).orElseThrow();
        return new Upserted(updated, false, true, List.copyOf(notes));
    }

    /** A customer a leads import created (in a dry run: would create; {@code id} is then null). */
    public record CreatedLead(Long id, long line, String name, String email) {
    }

    /** Where a leads import writes its valid leads, as it reads them. */
    @FunctionalInterface
    public interface LeadFeed {
        void write(java.util.function.Consumer<LeadsImporter.Lead> sink) throws Exception;
    }

    /** Copies the leads into the transaction's staging table as they are read; {@link #createLeads} then writes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stageLeads(LeadFeed leads) {
        sql.update("drop table if exists pg_temp.lead_stage", List.of());
        sql.update("""
                create temp table lead_stage (line bigint not null, name text not null, email text, phone text,
                                              phone_e164 text, address text) on commit drop""", List.of());
        sql.copyIn("copy lead_stage (line, name, email, phone, phone_e164, address) from stdin with (format csv)",
                rows -> leads.write(lead -> {
                    try {
                        rows.number(lead.line()).text(lead.name()).text(lead.email()).text(lead.phone())
                                .text(lead.phoneE164()).text(lead.address()).endRow();
                    } catch (SQLException e) {
                        throw new IllegalStateException("staging a lead failed", e);
                    }
                }));
        sql.update("analyze lead_stage", List.of());
    }

    /**
     * Creates the staged leads that are not the seller's customers yet, in one set-based statement: every lead
     * whose email (any case) or, without one, whose phone (E.164) no customer of the seller has; a repeat within
     * the file counts once (its first line). A dry run lists what it would create and writes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CreatedLead> createLeads(long sellerId, boolean dryRun, Instant now, Actor actor) {
        String fresh = """
                select distinct on (coalesce(lower(s.email), s.phone_e164)) s.*
                  from lead_stage s
                 where not exists (select 1 from customer c where c.seller_id = ? and s.email is not null
                                      and lower(c.email) = lower(s.email))
                   and (s.email is not null or not exists (select 1 from customer c where c.seller_id = ?
                                      and c.phone_e164 = s.phone_e164))
                 order by coalesce(lower(s.email), s.phone_e164), s.line""";
        if (dryRun) {
            return sql.list("select * from (" + fresh + ") f order by line", List.of(sellerId, sellerId),
                    r -> new CreatedLead(null, r.getLong("line"), r.getString("name"), r.getString("email")));
        }
        return sql.list("""
                with fresh as (""" + fresh + """
                ), created as (
                  insert into customer (seller_id, name, email, phone, phone_e164, address, social, created_at,
                                        created_by, updated_at, updated_by)
                  select ?, name, email, phone, phone_e164, address, '{}'::jsonb, ?, ?, ?, ? from fresh order by line
                  returning id, name, email, phone_e164)
                select c.id, f.line, c.name, c.email from created c
                  join fresh f on coalesce(lower(f.email), f.phone_e164) = coalesce(lower(c.email), c.phone_e164)
                 order by f.line""", List.of(sellerId, sellerId, sellerId, now, actor.name(), now, actor.name()),
                r -> new CreatedLead(r.getLong("id"), r.getLong("line"), r.getString("name"), r.getString("email")));
    }

    /** The seller's customer, or empty (also for another seller's id: tenants cannot probe for ids). */
    public Optional<CustomerView> find(long sellerId, long customerId) {
        return sql.one("select * from customer where id = ? and seller_id = ?", List.of(customerId, sellerId), this::view);
    }

    /** The seller's customers (every seller's for {@code null}), newest first; {@code text} in name, email or phone. */
    public Page<CustomerView> list(Long sellerId, String text, PageRequest page) {
        return sql.page("select * from customer", List.of(), new Where().equal("seller_id", sellerId)
                .containsInAny(text, "name", "email", "phone", "phone_e164"), "id", page, this::view, CustomerView::id);
    }

    /** Whose customer this is, if it exists. */
    public Optional<Long> sellerOf(long customerId) {
        return sql.one("select seller_id from customer where id = ?", List.of(customerId), r -> r.getLong("seller_id"));
    }

    /** The seller's customer with this email, in any case. */
    public Optional<CustomerView> byEmail(long sellerId, String email) {
        return sql.one("select * from customer where seller_id = ? and lower(email) = lower(?)",
                List.of(sellerId, email.strip()), this::view);
    }

    /** The customer as the mails of its orders address them. */
    public BuyerContact contactOf(CustomerView customer) {
        return new BuyerContact(customer.id(), customer.name(), customer.email(),
                accounts.nameOf(customer.sellerId()).orElse("your seller"));
    }

    private static DomainException emailTaken(long sellerId, String email, CustomerView existing) {
        return new DomainException.Conflict("email", "seller " + sellerId + " already has a customer with email "
                + email, existing == null ? null : "customer/" + existing.id());
    }

    private String socialJson(Map<String, String> social) {
        try {
            return json.writeValueAsString(social == null ? Map.of() : social);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    CustomerView view(Sql.Row r) throws SQLException {
        try {
            return new CustomerView(r.getLong("id"), r.getLong("seller_id"), r.getString("name"), r.getString("email"),
                    r.getString("phone"), r.getString("phone_e164"), r.getString("address"),
                    json.readValue(r.getString("social"), SOCIAL), r.getString("notes"), r.getInstant("created_at"),
                    r.getInstant("updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("customer " + r.getLong("id") + " has unreadable social handles", e);
        }
    }
}
