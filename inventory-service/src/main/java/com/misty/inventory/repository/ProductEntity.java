package com.misty.inventory.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.time.Instant;

/**
 * A product of {@code products} as this service creates it, mapped by the driver's record codec. Products are read
 * by hand ({@link ProductRepository}): the original system's (ObjectId ids, units this build does not name, no
 * version) are in the same collection, which a codec would refuse.
 */
@MongoEntity(collection = InventoryDatabase.PRODUCTS)
public record ProductEntity(@BsonId String code, String name, String unit, long version,
                            @BsonProperty("created_at") Instant createdAt,
                            @BsonProperty("updated_at") Instant updatedAt) {
}
