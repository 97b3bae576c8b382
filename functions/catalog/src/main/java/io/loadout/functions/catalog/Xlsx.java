package io.loadout.functions.catalog;

import io.loadout.shared.XlsxWriter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** An .xlsx download streamed straight from the list's query (bounded memory at any row count). */
final class Xlsx {

    private Xlsx() {
    }

    static <T> Response download(String name, Clock clock, List<XlsxWriter.Column<T>> columns,
                                 Function<Consumer<T>, Long> export) {
        StreamingOutput body = out -> {
            try (var writer = new XlsxWriter<>(out, name, columns)) {
                export.apply(writer::write);
            }
        };
        String file = name + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".xlsx";
        return Response.ok(body, XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }
}
