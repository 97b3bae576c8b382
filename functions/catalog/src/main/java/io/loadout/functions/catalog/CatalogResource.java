package io.loadout.functions.catalog;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewConfiguration;
import io.loadout.catalog.CatalogCommands.StatusChange;
import io.loadout.catalog.CatalogExports;
import io.loadout.catalog.CatalogImageService;
import io.loadout.catalog.CatalogQueries;
import io.loadout.catalog.CatalogService;
import io.loadout.catalog.CatalogViews.CatalogInformation;
import io.loadout.catalog.CatalogViews.CatalogView;
import io.loadout.catalog.CatalogViews.Choice;
import io.loadout.catalog.CatalogViews.ImageView;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.XlsxWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Catalogs, their configurations and images (the seed's …/catalog, …/configuration, …/uploadfiles, …/deletefiles). */
@Path("/api/catalog/catalogs")
public class CatalogResource {

    private final CatalogService catalog;
    private final CatalogQueries queries;
    private final CatalogImageService images;
    private final CurrentCaller caller;
    private final Clock clock;

    CatalogResource(CatalogService catalog, CatalogQueries queries, CatalogImageService images, CurrentCaller caller,
                    Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.images = images;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull NewCatalog command) {
        var created = catalog.createCatalog(command, Actor.of(caller.get()));
        return Response.created(URI.create("/api/catalog/catalogs/" + created.id())).entity(created).build();
    }

    /** Clients see only saleable catalogs (whole chain ACTIVE, selling type SALEABLE). */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Page<CatalogInformation> list(@BeanParam ListParams.Catalogs params) {
        var filter = params.filter();
        return queries.catalogs(caller.get().isAdmin() ? filter : filter.saleable(), params.page());
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response export(@BeanParam ListParams.Catalogs params) {
        var filter = params.filter();
        return Xlsx.download("catalogs", clock, CatalogExports.CATALOGS, sink -> queries.exportCatalogs(filter, sink));
    }

    @GET
    @Path("/all")
    @RolesAllowed(Roles.ADMIN)
    public List<Choice> all(@QueryParam("versionId") String versionId) {
        return queries.allCatalogs(QueryParams.id("versionId", versionId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public CatalogView get(@PathParam("id") long id) {
        return catalog.catalog(id);
    }

    @PATCH
    @Path("/{id}/status")
    @RolesAllowed(Roles.ADMIN)
    public CatalogView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusChange change) {
        catalog.changeStatus(CatalogService.Level.CATALOG, id, change.status(), Actor.of(caller.get()));
        return catalog.catalog(id);
    }

    @POST
    @Path("/{id}/configurations")
    @RolesAllowed(Roles.ADMIN)
    public Response addConfiguration(@PathParam("id") long id, @Valid @NotNull NewConfiguration command) {
        var created = catalog.addConfiguration(id, command, Actor.of(caller.get()));
        return Response.created(URI.create("/api/catalog/configurations/" + created.id())).entity(created).build();
    }

    /** Multipart form, one or more parts named {@code file}; each is normalised to JPEG and stored. */
    @POST
    @Path("/{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    public Response upload(@PathParam("id") long id, @RestForm("file") List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw new DomainException.InvalidInput("file", "send the image as multipart form part 'file'");
        }
        var stored = new ArrayList<ImageView>();
        for (FileUpload file : files) {
            stored.add(images.upload(id, file.fileName(), read(file), Actor.of(caller.get())));
        }
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Path("/{id}/images/{imageId}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    @Produces(CatalogImageService.CONTENT_TYPE)
    public Response image(@PathParam("id") long id, @PathParam("imageId") String imageId) {
        queries.requireVisibleCatalog(id, caller.get());
        var image = images.find(id, imageId);
        StreamingOutput body = out -> {
            try (var in = images.open(image)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, CatalogImageService.CONTENT_TYPE).build();
    }

    @DELETE
    @Path("/{id}/images/{imageId}")
    @RolesAllowed(Roles.ADMIN)
    public Response deleteImage(@PathParam("id") long id, @PathParam("imageId") String imageId) {
        images.delete(id, imageId, Actor.of(caller.get()));
        return Response.noContent().build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
