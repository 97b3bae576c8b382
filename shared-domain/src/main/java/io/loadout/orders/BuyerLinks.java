package io.loadout.orders;

import io.loadout.account.TokenSecret;
import io.loadout.shared.Actor;
import io.loadout.shared.Sql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The only writer of {@code buyer_link} and {@code buyer_link_request} (ADR 0026). A link's secret is
 * {@code lbl_} + 256 random bits; only its SHA-256 is stored, so a reader of the database cannot open a link.
 * Expired and revoked links open nothing, and all of them answer exactly like an unknown one.
 */
@ApplicationScoped
public class BuyerLinks {

    static final String SCHEME = "lbl_";
    /** A view within a minute of the last one is not written again: a refreshing page costs no writes. */
    private static final long VIEW_WRITE_SECONDS = 60;

    private final Sql sql;
    private final OrdersConfig config;

    BuyerLinks(Sql sql, OrdersConfig config) {
        this.sql = sql;
        this.config = config;
    }

    /** A link as its seller sees it: never its secret. */
    @RegisterForReflection
    public record LinkView(long id, long customerId, LinkReason reason, Instant issuedAt, Instant expiresAt,
                           Instant revokedAt, Instant lastViewedAt) {
    }

    /** A link just issued: the one moment its secret and URL exist outside a mail. */
    public record Issued(LinkView link, TokenSecret secret, String url) {
        @Override
        public String toString() { // records print their parts: never the secret
            return "Issued[" + link + ", " + secret + "]";
        }
    }

    /** Whose orders an opened link shows, and the names the buyer page greets them with. */
    public record Access(long linkId, long sellerId, long customerId, Instant expiresAt, String buyerName,
                         String sellerName) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(long sellerId, long customerId, LinkReason reason, Instant now, Actor actor) {
        var secret = TokenSecret.generate(SCHEME);
        var link = sql.one("""
                insert into buyer_link (seller_id, customer_id, token_hash, reason, issued_at, issued_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?) returning *""",
                List.of(sellerId, customerId, secret.hash(), reason.name(), now, actor.name(),
                        now.plus(config.buyerLinks().ttl())), BuyerLinks::view).orElseThrow();
        return new Issued(link, secret, config.buyerLinks().pageUrl() + "#" + secret.value());
    }

    /** Ends every live link of the customer now; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAll(long sellerId, long customerId, Instant now) {
        return sql.update("""
                update buyer_link set revoked_at = ?
                 where customer_id = ? and seller_id = ? and revoked_at is null and expires_at > ?""",
                List.of(now, customerId, sellerId, now));
    }

    /** The customer's links still working, newest first. */
    public List<LinkView> live(long sellerId, long customerId, Instant now) {
        return sql.list("""
                select * from buyer_link
                 where customer_id = ? and seller_id = ? and revoked_at is null and expires_at > ?
                 order by id desc""", List.of(customerId, sellerId, now), BuyerLinks::view);
    }

    /** When the customer last opened any of their links. */
    public Optional<Instant> lastViewed(long sellerId, long customerId) {
        return sql.one("select max(last_viewed_at) as at from buyer_link where customer_id = ? and seller_id = ?",
                List.of(customerId, sellerId), r -> Optional.ofNullable(r.getInstant("at"))).flatMap(at -> at);
    }

    /** The access a presented secret gives, if it is a live link's; notes the view. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Access> open(String presented, Instant now) {
        if (!TokenSecret.looksValid(presented, SCHEME)) {
            return Optional.empty();
        }
        Instant stale = now.minusSeconds(VIEW_WRITE_SECONDS);
        var opened = sql.one("""
                select l.id, l.seller_id, l.customer_id, l.expires_at, l.last_viewed_at, c.name, a.name as seller_name
                  from buyer_link l join customer c on c.id = l.customer_id and c.seller_id = l.seller_id
                  join account a on a.id = l.seller_id -- the seller's display name, read with the link (one round trip)
                 where l.token_hash = ? and l.revoked_at is null and l.expires_at > ?""",
                List.of(new TokenSecret(presented).hash(), now), r -> {
                    Instant viewed = r.getInstant("last_viewed_at");
                    return Map.entry(new Access(r.getLong("id"), r.getLong("seller_id"), r.getLong("customer_id"),
                            r.getInstant("expires_at"), r.getString("name"), r.getString("seller_name")),
                            viewed == null || viewed.isBefore(stale));
                });
        opened.filter(Map.Entry::getValue).ifPresent(a -> sql.update("""
                update buyer_link set last_viewed_at = ?
                 where id = ? and (last_viewed_at is null or last_viewed_at < ?)""",
                List.of(now, a.getKey().linkId(), stale)));
        return opened.map(Map.Entry::getKey);
    }

    /**
     * Records an "email me my link" request for the address and says whether it is within the limit; requests of
     * one address are counted one at a time (a transaction lock on its hash), so a burst cannot slip through.
     * Seconds until the next request is allowed, or 0 when this one is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long admitRequest(String email, Instant now) {
        byte[] hash = TokenSecret.sha256(email.strip().toLowerCase(Locale.ROOT));
        var window = config.buyerLinks().requestWindow();
        Instant since = now.minus(window);
        sql.lockKey("link-request:" + java.util.HexFormat.of().formatHex(hash));
        sql.update("delete from buyer_link_request where email_hash = ? and requested_at <= ?", List.of(hash, since));
        var recent = sql.list("select requested_at from buyer_link_request where email_hash = ? order by requested_at",
                List.of(hash), r -> r.getInstant("requested_at"));
        if (recent.size() >= config.buyerLinks().requestsPerWindow()) {
            Instant freed = recent.get(recent.size() - config.buyerLinks().requestsPerWindow()).plus(window);
            return Math.max(1, freed.getEpochSecond() - now.getEpochSecond());
        }
        sql.update("insert into buyer_link_request (email_hash, requested_at) values (?, ?)", List.of(hash, now));
        return 0;
    }

    static LinkView view(Sql.Row r) throws java.sql.SQLException {
        return new LinkView(r.getLong("id"), r.getLong("customer_id"), r.getEnum("reason", LinkReason.class),
                r.getInstant("issued_at"), r.getInstant("expires_at"), r.getInstant("revoked_at"),
                r.getInstant("last_viewed_at"));
    }
}
