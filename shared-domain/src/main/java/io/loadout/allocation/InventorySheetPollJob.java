package io.loadout.allocation;

import io.loadout.jobs.Job;
import io.loadout.shared.Sql;
import io.loadout.storage.BlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * {@code inventory-sheet-poll}: fetches the buying sheet's published CSV and, when it changed since the last poll,
 * drops it into {@code imports/inventory/sheet/} in the bucket. The import pipeline takes it from there (one import
 * job per change, with its errors file and notification), exactly as for a file an operator uploads.
 */
@ApplicationScoped
public class InventorySheetPollJob implements Job {

    public static final String NAME = "inventory-sheet-poll";
    static final String FOLDER = "imports/" + InventoryImporter.KIND + "/sheet/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AllocationConfig config;
    private final BlobStore bucket;
    private final Sql sql;
    private final Clock clock;
    private final PartnerFeed feeds;

    InventorySheetPollJob(AllocationConfig config, BlobStore bucket, Sql sql, Clock clock, PartnerFeed feeds) {
        this.config = config;
        this.bucket = bucket;
        this.sql = sql;
        this.clock = clock;
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobOutcome run() throws Exception {
        var url = config.sheet().url();
        if (url.isEmpty()) {
            return new JobOutcome(0, "no sheet configured (loadout.allocation.sheet.url); nothing polled");
        }
        byte[] csv = feeds.buyingSheet(url.get(), config.sheet().timeout());
        String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
        if (Objects.equals(checksum, lastPolledChecksum())) {
            return new JobOutcome(0, "sheet unchanged since the last poll");
        }
        String object = FOLDER + STAMP.format(clock.instant()) + ".csv";
        bucket.write(object, csv, "text/csv");
        return new JobOutcome(1, "sheet changed; dropped as " + object);
    }

    /** The checksum of the newest polled sheet the import pipeline has read. */
    private String lastPolledChecksum() {
        return QuarkusTransaction.requiringNew().call(() -> sql.list("""
                select checksum from import_job where kind = ? and object_name like ? and checksum is not null
                 order by id desc limit 1""", List.of(InventoryImporter.KIND, FOLDER + "%"),
                r -> r.getString("checksum")).stream().findFirst().orElse(null));
    }
}
