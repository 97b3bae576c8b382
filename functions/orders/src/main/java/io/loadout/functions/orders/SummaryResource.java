package io.loadout.functions.orders;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.orders.BuyerSummary;
import io.loadout.orders.BuyerSummary.BuyerRow;
import io.loadout.shared.CsvWriter;
import io.loadout.shared.Page;
import io.loadout.shared.XlsxWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.resteasy.reactive.RestQuery;

/** The seed's "Summary by Buyer": a page, or every row of the same filter as CSV or .xlsx (streamed). */
@Path("/api/orders/summary")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class SummaryResource {

    private final BuyerSummary summary;
    private final CurrentCaller caller;
    private final Clock clock;

    SummaryResource(BuyerSummary summary, CurrentCaller caller, Clock clock) {
        this.summary = summary;
        this.caller = caller;
        this.clock = clock;
    }

    /** {@code from}/{@code to}: order dates (UTC, both included); {@code outstanding=true}: buyers who still owe. */
    public static class Filter extends PageParams {
        @RestQuery
        String from;
        @RestQuery
        String to;
        @RestQuery
        String outstanding;

        BuyerSummary.Filter filter() {
            return new BuyerSummary.Filter(QueryParams.date("from", from), QueryParams.date("to", to),
                    Boolean.TRUE.equals(QueryParams.bool("outstanding", outstanding)));
        }
    }

    @GET
    public Page<BuyerRow> page(@BeanParam Filter filter) {
        return summary.page(caller.get(), filter.filter(), filter.page());
    }

    @GET
    @Path("/export.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    public Response csv(@BeanParam Filter params) {
        var filter = params.filter();
        var who = caller.get();
        StreamingOutput body = out -> {
            try (var writer = new CsvWriter<>(out, BuyerSummary.COLUMNS)) {
                summary.export(who, filter, writer::write);
            }
        };
        return download(body, CsvWriter.MEDIA_TYPE, "csv");
    }

    @GET
    @Path("/export.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response xlsx(@BeanParam Filter params) {
        var filter = params.filter();
        var who = caller.get();
        StreamingOutput body = out -> {
            try (var writer = new XlsxWriter<>(out, "summary-by-buyer", BuyerSummary.COLUMNS)) {
                summary.export(who, filter, writer::write);
            }
        };
        return download(body, XlsxWriter.MEDIA_TYPE, "xlsx");
    }

    private Response download(StreamingOutput body, String type, String extension) {
        String file = "summary-by-buyer-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "." + extension;
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
