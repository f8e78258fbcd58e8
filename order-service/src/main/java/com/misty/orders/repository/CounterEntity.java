package com.misty.orders.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/** A counter of {@code counters} (the order numbers' is {@code order_number}), mapped by the driver's record codec. */
@MongoEntity(collection = OrdersDatabase.COUNTERS)
public record CounterEntity(@BsonId String id, Long seq) {
}
