package io.loadout.catalog;

import io.loadout.catalog.CatalogViews.ImageView;
import io.loadout.catalog.image.ImageNormalizer;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Catalog images: normalised to the storefront's rules, stored in the bucket under {@code catalog/<catalogId>/}. */
@ApplicationScoped
public class CatalogImageService {

    public static final String CONTENT_TYPE = "image/jpeg";

    private final Sql sql;
    private final CatalogService catalog;
    private final BlobStore blobs;
    private final CatalogConfig config;
    private final ImageNormalizer normalizer;
    private final Clock clock;

    CatalogImageService(Sql sql, CatalogService catalog, BlobStore blobs, CatalogConfig config, Clock clock) {
        this.sql = sql;
        this.catalog = catalog;
        this.blobs = blobs;
        this.config = config;
        this.normalizer = new ImageNormalizer(config.images().resizeAboveBytes(), config.images().maxEdge());
        this.clock = clock;
    }

    /** Stores the object first: a failure after it leaves an unreferenced object, never a row without its file. */
    @Transactional
    public ImageView upload(long catalogId, String originalName, byte[] content, Actor actor) {
        catalog.requireExists(CatalogService.Level.CATALOG, catalogId);
        if (content.length == 0) {
            throw new DomainException.InvalidInput("file", "the file is empty");
        }
        if (content.length > config.images().maxUploadBytes()) {
            throw new DomainException.InvalidInput("file", "the file is " + content.length + " bytes; the limit is "
                    + config.images().maxUploadBytes());
        }
        var image = normalizer.normalize(content);
        var id = UUID.randomUUID();
        String objectName = "catalog/" + catalogId + "/" + id + ".jpg";
        try {
            blobs.write(objectName, image.jpeg(), CONTENT_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sql.one("""
                insert into catalog_image (id, catalog_id, object_name, original_name, content_type, size_bytes, width,
                                           height, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *""",
                Arrays.asList(id, catalogId, objectName, originalName, CONTENT_TYPE, (long) image.jpeg().length,
                        image.width(), image.height(), clock.instant(), actor.name()),
                CatalogImageService::view).orElseThrow();
    }

    @Transactional
    public void delete(long catalogId, String imageId, Actor actor) {
        String objectName = find(catalogId, imageId).objectName();
        sql.update("delete from catalog_image where id = ?", List.of(UUID.fromString(imageId)));
        sql.update("update catalog set changed_at = ?, changed_by = ? where id = ?",
                List.of(clock.instant(), actor.name(), catalogId));
        try {
            blobs.delete(objectName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(ImageView image) throws IOException {
        return blobs.open(image.objectName());
    }

    @Transactional
    public ImageView find(long catalogId, String imageId) {
        UUID id;
        try {
            id = UUID.fromString(imageId);
        } catch (IllegalArgumentException e) {
            throw new DomainException.NotFound("image", imageId);
        }
        return sql.one("select * from catalog_image where id = ? and catalog_id = ?", List.of(id, catalogId),
                CatalogImageService::view).orElseThrow(() -> new DomainException.NotFound("image", imageId));
    }

    private static ImageView view(Sql.Row r) throws java.sql.SQLException {
        return new ImageView(r.getString("id"), r.getString("object_name"), r.getIntOrNull("width"),
                r.getIntOrNull("height"), r.getLong("size_bytes"), r.getString("original_name"),
                r.getInstant("created_at"));
    }
}
