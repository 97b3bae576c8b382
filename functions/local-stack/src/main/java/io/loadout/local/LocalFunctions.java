package io.loadout.local;

import io.quarkus.arc.Arc;
import java.util.function.Consumer;

/** Calls a function class the way its cloud binding does: one request context per event. */
final class LocalFunctions {

    private LocalFunctions() {
    }

    static <F> void invoke(F function, Consumer<F> call) {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            call.accept(function);
        } finally {
            requestContext.terminate();
        }
    }
}
