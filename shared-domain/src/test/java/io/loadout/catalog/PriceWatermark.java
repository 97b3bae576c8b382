package io.loadout.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** For tests that run the price-activation job. */
final class PriceWatermark {

    private PriceWatermark() {
    }

    /**
     * The test clock goes back after each test (a production clock does not), so a job run in an earlier test may
     * have left the watermark ahead of this test's prices: start it at {@code at}, as if the job had just run.
     */
    static void rewindTo(EntityManager em, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update price_activation set through = ?1")
                .setParameter(1, at).executeUpdate());
    }
}
