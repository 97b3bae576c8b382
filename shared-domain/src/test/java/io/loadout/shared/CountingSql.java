package io.loadout.shared;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link Sql} counting the statements it sends from one thread while {@link #counting} runs there: a test's proof
 * that work is set-based (the count does not grow with the input). Every other call passes straight through.
 * A singleton: a subclass of {@code Sql} cannot get the no-args constructor a client proxy needs.
 */
@Alternative
@Priority(1)
@Singleton
public class CountingSql extends Sql {

    private static volatile Thread counted;
    private static final AtomicLong STATEMENTS = new AtomicLong();

    CountingSql(EntityManager em) {
        super(em);
    }

    /** Runs {@code work} on this thread and returns how many statements it sent through {@link Sql}. */
    public static <T> Counted<T> counting(Supplier<T> work) {
        STATEMENTS.set(0);
        counted = Thread.currentThread();
        try {
            T result = work.get();
            return new Counted<>(result, STATEMENTS.get());
        } finally {
            counted = null;
        }
    }

    public record Counted<T>(T result, long statements) {
    }

    private static void count() {
        if (Thread.currentThread() == counted) {
            STATEMENTS.incrementAndGet();
        }
    }

    @Override
    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        count();
        return super.list(sql, params, mapper);
    }

    @Override
    public int update(String sql, List<?> params) {
        count();
        return super.update(sql, params);
    }

    @Override
    public long stream(String sql, List<?> params, int fetchSize, RowConsumer consumer) {
        count();
        return super.stream(sql, params, fetchSize, consumer);
    }

    @Override
    public long copyIn(String copySql, CopyFeed feed) {
        count();
        return super.copyIn(copySql, feed);
    }
}
