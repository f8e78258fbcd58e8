package com.misty.inventory.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.misty.inventory.domain.Page;
import com.misty.inventory.domain.Product;
import com.misty.inventory.domain.UnitOfMeasure;
import com.misty.platform.storage.StoredValues;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@code products}: the catalogue, one document per product code, changed only with the version read. Created
 * through the codec ({@link ProductEntity}), read and changed as raw documents ({@link #toProduct}).
 */
@ApplicationScoped
public class ProductRepository implements PanacheMongoRepositoryBase<ProductEntity, String> {

    /** @return false if the code is taken (the unique {@code _id} decides between concurrent creations) */
    public boolean create(String code, String name, UnitOfMeasure unit) {
        Instant now = Instant.now();
        try {
            persist(new ProductEntity(code, name, unit.code(), 1L, now, now));
            return true;
        } catch (MongoWriteException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    /** No lost update: the change applies only to the version it was based on. */
    static Bson atVersion(String code, long version) {
        return Filters.and(Filters.eq("_id", code), Filters.eq("version", version));
    }

    /** @return the product after the change, or empty if {@code version} is stale (or the product is gone) */
    public Optional<Product> update(String code, long version, String name, UnitOfMeasure unit) {
        return Optional.ofNullable(products().findOneAndUpdate(atVersion(code, version),
                Updates.combine(Updates.set("name", name), Updates.set("unit", unit.code()), Updates.inc("version", 1L),
                        Updates.set("updated_at", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(ProductRepository::toProduct);
    }

    public boolean delete(String code, long version) {
        return products().deleteOne(atVersion(code, version)).getDeletedCount() == 1;
    }

    public Optional<Product> find(String code) {
        return Optional.ofNullable(products().find(StoredValues.byId(code)).first()).map(ProductRepository::toProduct);
    }

    public Page<Product> list(int page, int size) {
        List<Product> items = new ArrayList<>();
        products().find().sort(Sorts.ascending("_id")).skip(page * size).limit(size).forEach(d -> items.add(toProduct(d)));
        return new Page<>(items, page, size, products().countDocuments());
    }

    /**
     * Reads tolerantly: a unit this build does not name reads as {@code each} (stock records keep their own unit and
     * decimals, so no quantity changes by it); a missing version is 1.
     */
    private static Product toProduct(Document d) {
        return new Product(StoredValues.id(d), StoredValues.text(d, "name"),
                UnitOfMeasure.of(StoredValues.text(d, "unit")).orElse(UnitOfMeasure.EACH),
                StoredValues.number(d, "version", 1), StoredValues.instant(d, "created_at"),
                StoredValues.instant(d, "updated_at"));
    }

    private MongoCollection<Document> products() {
        return mongoCollection().withDocumentClass(Document.class);
    }
}
