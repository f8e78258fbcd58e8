package com.misty.orders.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The Panache entity of {@code clients}; {@link ClientRepository} works on raw documents through it and maps clients
 * by hand ({@link ClientDocuments}), for the reasons orders are ({@link OrderEntity}): tolerant reads of the
 * original system's clients, and changes that {@code $set} nulls to clear fields.
 */
@MongoEntity(collection = OrdersDatabase.CLIENTS)
public record ClientEntity(@BsonId String id) {
}
