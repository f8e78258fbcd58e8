package com.misty.orders.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The Panache entity of {@code orders}; {@link OrderRepository} works on raw documents through it and maps orders by
 * hand ({@link OrderDocuments}), nothing by the codec: reads must tolerate the original system's orders (ObjectId
 * ids, statuses in other letter cases, missing versions), and every change {@code $set}s the whole mutable part,
 * where a null must be stored to clear a field, which the record codec would leave out. The history entries
 * waiting on an order are {@link HistoryEntity}s.
 */
@MongoEntity(collection = OrdersDatabase.ORDERS)
public record OrderEntity(@BsonId String id) {
}
