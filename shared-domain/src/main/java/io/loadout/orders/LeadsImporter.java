package io.loadout.orders;

import static io.loadout.shared.Text.strippedOrNull;

import io.loadout.imports.ImportResult;
import io.loadout.imports.ImportResult.Outcomes;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.imports.SheetImport;
import io.loadout.imports.table.ModelReader;
import io.loadout.imports.table.ParsedRow;
import io.loadout.orders.storefront.StorefrontSync;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Marketing leads ({@code imports/leads/*.csv|xlsx}, seed 002's first job): each lead that is not the store's
 * customer yet becomes one. A lead is the customer already when the seller has a customer with its email (any
 * case) or, failing that, its phone in E.164. Person names are title-cased ("ana de lima" → "Ana De Lima"); the
 * point of sale's placeholder "Change Name" is skipped. Rows stream through the shared reader; the matching and the
 * inserts are one set-based statement ({@link Customers#createLeads}). All or nothing: a bad row is reported by
 * its line and no lead is created. Leads belong to the storefront's seller
 * ({@code loadout.orders.storefront.seller-email}). The result lists every customer created.
 */
@ApplicationScoped
public class LeadsImporter implements Importer {

    public static final String KIND = "leads";
    static final String PLACEHOLDER = "change name";

    private final Customers customers;
    private final StorefrontSync storefront;
    private final OrdersConfig config;
    private final Clock clock;

    LeadsImporter(Customers customers, StorefrontSync storefront, OrdersConfig config, Clock clock) {
        this.customers = customers;
        this.storefront = storefront;
        this.config = config;
        this.clock = clock;
    }

    /** One lead as the file gives it, names title-cased and the phone read. */
    public record Lead(long line, String name, String email, String phone, String phoneE164, String address) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        Optional<Long> seller = storefront.seller();
        if (seller.isEmpty()) {
            return ImportResult.rejected(new RowError(0, null, "leads belong to the storefront's seller, and none is "
                    + "configured (loadout.orders.storefront.seller-email names no account)"));
        }
        return SheetImport.read(content, context, LeadsSheet.MODEL, clock, sheet -> apply(sheet, seller.get(), context));
    }

    private ImportResult apply(ModelReader sheet, long seller, ImportContext context) {
        var errors = new ArrayList<RowError>();
        int[] total = {0};
        int[] skipped = {0};
        customers.stageLeads(sink -> {
            try (var rows = sheet.rows()) {
                while (rows.hasNext()) {
                    total[0]++;
                    context.progress().read(rows.bytesRead());
                    lead(rows.next(), errors, skipped).ifPresent(sink);
                }
                context.progress().rowsRead(rows.bytesRead());
            }
        });
        if (!errors.isEmpty()) { // all or nothing: every bad row is reported, no lead is created
            return new ImportResult(total[0], 0, errors);
        }
        var created = customers.createLeads(seller, context.dryRun(), clock.instant(), Actor.importJob(context.jobId()));
        int applied = total[0] - skipped[0];
        var outcomes = Outcomes.of(created.size(), 0, applied - created.size());
        String list = created.stream().map(c -> (c.id() == null ? "" : "#" + c.id() + " ") + c.name()
                        + (c.email() == null ? "" : " <" + c.email() + ">"))
                .collect(Collectors.joining("; "));
        String detail = created.size() + " customers " + (context.dryRun() ? "would be created" : "created")
                + (created.isEmpty() ? "" : ": " + list) + "; " + (applied - created.size()) + " already customers"
                + (skipped[0] == 0 ? "" : "; " + skipped[0] + " placeholder names (\"Change Name\") skipped");
        // the placeholders count among the rows read, not among those applied
        return new ImportResult(total[0], applied, List.of(), detail, outcomes, null);
    }

    /** The row as a lead; or empty, counted in {@code skipped} (a placeholder) or with its errors added. */
    private Optional<Lead> lead(ParsedRow row, List<RowError> errors, int[] skipped) {
        var problems = new ArrayList<>(row.errors());
        String first = strippedOrNull(row.get(LeadsSheet.FIRST_NAME));
        String last = strippedOrNull(row.get(LeadsSheet.LAST_NAME));
        String full = first != null || last != null ? String.join(" ", java.util.stream.Stream.of(first, last)
                .filter(java.util.Objects::nonNull).toList()) : strippedOrNull(row.get(LeadsSheet.NAME));
        if (full != null && full.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).equals(PLACEHOLDER)) {
            skipped[0]++;
            return Optional.empty();
        }
        String email = strippedOrNull(row.get(LeadsSheet.EMAIL));
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new RowError(row.line(), "email", "'" + email + "' is not an email address"));
        }
        PhoneNumber phone = null;
        String entered = strippedOrNull(row.get(LeadsSheet.PHONE));
        if (entered != null) {
            try {
                phone = PhoneNumber.parse("phone", entered, config.defaultCountryCode());
            } catch (DomainException.InvalidInput e) {
                problems.add(new RowError(row.line(), "phone", e.getMessage()));
            }
        }
        if (full == null && email == null) {
            problems.add(new RowError(row.line(), "name", "a lead needs a name or an email"));
        }
        if (email == null && (phone == null || phone.e164().isEmpty()) && problems.isEmpty()) {
            problems.add(new RowError(row.line(), "email", "a lead needs an email or a phone in E.164 to be matched by"));
        }
        if (!problems.isEmpty()) {
            errors.addAll(problems);
            return Optional.empty();
        }
        return Optional.of(new Lead(row.line(), full == null ? email : titleCase(full), email,
                phone == null ? null : phone.entered(), phone == null ? null : phone.e164().orElse(null),
                strippedOrNull(row.get(LeadsSheet.ADDRESS))));
    }

    /** "ana DE lima" → "Ana De Lima"; hyphens and apostrophes start words too ("o'neil-smith" → "O'Neil-Smith"). */
    static String titleCase(String name) {
        var out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.replaceAll("\\s+", " ").toCharArray()) {
            out.append(start ? Character.toTitleCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '\'';
        }
        return out.toString();
    }
}
