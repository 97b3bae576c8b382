package io.loadout.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

/**
 * Plain SQL on the current transaction's connection (the one Hibernate uses), for set-based writes, lists with
 * dynamic filters and streaming reads. Parameters are positional ({@code ?}); instants, enums and arrays are bound
 * as PostgreSQL expects them.
 */
@ApplicationScoped
public class Sql {

    private final EntityManager em;

    Sql(EntityManager em) {
        this.em = em;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(Row row) throws Exception;
    }

    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        return work(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                var rows = new ArrayList<T>();
                var row = new Row(rs);
                while (rs.next()) {
                    rows.add(mapper.map(row));
                }
                return rows;
            }
        });
    }

    /**
     * One keyset page, newest first: the rows of {@code select} (whose own parameters are {@code selectParams}) that
     * match {@code where} and have {@code idColumn} below the page's cursor; one extra row tells whether more exist.
     */
    public <T> Page<T> page(String select, List<?> selectParams, Where where, String idColumn, PageRequest page,
                            RowMapper<T> mapper, ToLongFunction<T> id) {
        var params = new ArrayList<Object>(selectParams);
        params.addAll(where.params());
        String keyset = "";
        if (page.before() != null) {
            keyset = (where.sql().isEmpty() ? " where " : " and ") + idColumn + " < ?";
            params.add(page.before());
        }
        params.add(page.limit() + 1);
        return Page.fromOverfetch(list(select + where.sql() + keyset + " order by " + idColumn + " desc limit ?", params,
                mapper), page, id);
    }

    public <T> Optional<T> one(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = list(sql, params, mapper);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    /**
     * Waits for the transaction-level advisory lock named {@code key} (e.g. {@code order:7:1001}), held until the
     * transaction ends: work on the same key is done one at a time.
     */
    public void lockKey(String key) {
        one("select pg_advisory_xact_lock(hashtextextended(?, 0)) as locked", List.of(key), r -> 1);
    }

    public int update(String sql, List<?> params) {
        return work(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Reads with a server-side cursor, {@code fetchSize} rows at a time: memory stays bounded at any row count. */
    public long stream(String sql, List<?> params, int fetchSize, RowConsumer consumer) {
        return work(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                ps.setFetchSize(fetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    var row = new Row(rs);
                    long count = 0;
                    while (rs.next()) {
                        consumer.accept(row);
                        count++;
                    }
                    return count;
                }
            }
        });
    }

    @FunctionalInterface
    public interface CopyFeed {
        void write(CopyRows rows) throws Exception;
    }

    /**
     * {@code COPY … FROM STDIN (FORMAT csv)} on the transaction's connection, so the copied rows commit or roll back
     * with it; {@code feed} writes the rows, which are sent in chunks as they come. Returns the rows copied.
     */
    public long copyIn(String copySql, CopyFeed feed) {
        return work(c -> {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            try {
                var rows = new CopyRows(copy);
                feed.write(rows);
                rows.flush();
                return copy.endCopy();
            } catch (Throwable failure) {
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy(); // the connection stays usable for the rollback
                    } catch (SQLException cancelFailed) {
                        failure.addSuppressed(cancelFailed);
                    }
                }
                throw failure;
            }
        });
    }

    private <T> T work(ConnectionWork<T> work) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(c -> {
            try {
                return work.apply(c);
            } catch (SQLException e) {
                throw e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection connection) throws Exception;
    }

    private static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int i = 1;
        for (Object p : params) {
            bind(c, ps, i++, p);
        }
        return ps;
    }

    private static void bind(Connection c, PreparedStatement ps, int i, Object p) throws SQLException {
        if (p == null) {
            ps.setNull(i, Types.NULL);
        } else if (p instanceof Instant instant) {
            ps.setObject(i, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (p instanceof Enum<?> e) {
            ps.setString(i, e instanceof Labelled l ? l.label() : e.name());
        } else if (p instanceof Long[] longs) {
            ps.setArray(i, c.createArrayOf("bigint", longs));
        } else if (p instanceof String[] strings) {
            ps.setArray(i, c.createArrayOf("text", strings));
        } else if (p instanceof Boolean[] booleans) {
            ps.setArray(i, c.createArrayOf("boolean", booleans));
        } else if (p instanceof Integer[] ints) {
            ps.setArray(i, c.createArrayOf("integer", ints));
        } else if (p instanceof BigDecimal[] decimals) {
            ps.setArray(i, c.createArrayOf("numeric", decimals));
        } else if (p instanceof Instant[] instants) {
            var stamps = new Timestamp[instants.length];
            for (int k = 0; k < instants.length; k++) {
                stamps[k] = instants[k] == null ? null : Timestamp.from(instants[k]);
            }
            ps.setArray(i, c.createArrayOf("timestamptz", stamps));
        } else {
            ps.setObject(i, p);
        }
    }

    /** An enum stored by a label other than its name (e.g. {@code GST-18}). */
    public interface Labelled {
        String label();
    }

    /** The name of the constraint a failed statement broke, if PostgreSQL named one. */
    public static Optional<String> violatedConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException pg && pg.getServerErrorMessage() != null) {
                return Optional.ofNullable(pg.getServerErrorMessage().getConstraint());
            }
        }
        return Optional.empty();
    }

    /** The current row of a result set, with null-aware getters. */
    public static final class Row {
        private final ResultSet rs;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        public long getLong(String column) throws SQLException {
            return rs.getLong(column);
        }

        public Long getLongOrNull(String column) throws SQLException {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        }

        public Integer getIntOrNull(String column) throws SQLException {
            int v = rs.getInt(column);
            return rs.wasNull() ? null : v;
        }

        public <T> T getObject(String column, Class<T> type) throws SQLException {
            return rs.getObject(column, type);
        }

        public String getString(String column) throws SQLException {
            return rs.getString(column);
        }

        public boolean getBoolean(String column) throws SQLException {
            return rs.getBoolean(column);
        }

        public BigDecimal getDecimal(String column) throws SQLException {
            return rs.getBigDecimal(column);
        }

        public Instant getInstant(String column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }

        /** A {@code text[]} column; an SQL null reads as an empty list. */
        public List<String> getStrings(String column) throws SQLException {
            java.sql.Array a = rs.getArray(column);
            return a == null ? List.of() : List.of((String[]) a.getArray());
        }

        public <E extends Enum<E>> E getEnum(String column, Class<E> type) throws SQLException {
            String v = rs.getString(column);
            if (v == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e instanceof Labelled l ? l.label().equals(v) : e.name().equals(v)) {
                    return e;
                }
            }
            throw new IllegalStateException("unknown " + type.getSimpleName() + " '" + v + "'");
        }
    }
}
