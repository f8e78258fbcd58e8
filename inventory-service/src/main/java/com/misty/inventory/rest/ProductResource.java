package com.misty.inventory.rest;

import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.Product;
import com.misty.inventory.service.ProductService;
import com.misty.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The product catalogue: everyone who works with stock reads it; admins and managers maintain it. */
@Path("/api/stock/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.PRODUCTION})
public class ProductResource {

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    /** @param unit each, sheet, metre, square_metre or kilogram */
    public record NewProduct(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String code,
                             @NotBlank @Size(max = 200) String name,
                             @NotBlank @Size(max = 40) String unit) {
    }

    /** @param version the version the change is based on (409 with the current one when stale) */
    public record ProductChange(@NotBlank @Size(max = 200) String name,
                                @NotBlank @Size(max = 40) String unit,
                                @NotNull @Positive Long version) {
    }

    public record ProductView(String code, String name, String unit, int decimals, long version, Instant createdAt,
                              Instant updatedAt) {
        static ProductView of(Product p) {
            return new ProductView(p.code(), p.name(), p.unit().code(), p.unit().decimals(), p.version(), p.createdAt(),
                    p.updatedAt());
        }
    }

    public record ProductPage(List<ProductView> items, int page, int size, long total) {
        static ProductPage of(Page<Product> page) {
            return new ProductPage(page.items().stream().map(ProductView::of).toList(), page.page(), page.size(), page.total());
        }
    }

    @GET
    @Operation(summary = "The catalogue, by code")
    public ProductPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return ProductPage.of(products.list(page, size));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One product")
    public ProductView get(@PathParam("code") String code) {
        return ProductView.of(products.get(code));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Add a product with its unit of measure (version 1)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @Extension(name = "x-misty-problems", value = "409: PRODUCT_EXISTS or UNIT_IN_USE (stock of that code exists, counted in another unit)")
    public Response create(@Valid @NotNull NewProduct product) {
        Product created = products.create(product.code(), product.name().strip(), product.unit());
        return Response.created(URI.create("/api/stock/products/" + created.code())).entity(ProductView.of(created)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Change name and unit, based on a version")
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (body has current_version) or UNIT_IN_USE (stock counted in the old unit exists)")
    public ProductView update(@PathParam("code") String code, @Valid @NotNull ProductChange change) {
        return ProductView.of(products.update(code, change.version(), change.name().strip(), change.unit()));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Remove a product no stock refers to, based on a version")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = "x-misty-problems", value = "409: VERSION_CONFLICT (body has current_version) or PRODUCT_IN_USE")
    public Response delete(@PathParam("code") String code, @QueryParam("version") @NotNull @Positive Long version) {
        products.delete(code, version);
        return Response.noContent().build();
    }
}
