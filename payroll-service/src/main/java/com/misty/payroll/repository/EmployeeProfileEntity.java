package com.misty.payroll.repository;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The Panache entity of {@code employee_profiles}; {@link EmployeeProfileRepository} works on raw documents through
 * it and maps profiles by hand, nothing by the codec: reads must tolerate the original system's profiles (ObjectId
 * ids, balances and rates of any number type), and the balances change by path ({@code leave_balances.<type>})
 * together with the embedded deductions array they are explained by, in one guarded update.
 */
@MongoEntity(collection = PayrollDatabase.EMPLOYEE_PROFILES)
public record EmployeeProfileEntity(@BsonId String id) {
}
