package com.misty.payroll.repository;

import com.misty.payroll.domain.PayrollCalculation;
import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A calculation of {@code payroll_calculations} as this service writes it, by the driver's record codec (money and
 * hours as Decimal128; days as {@code YYYY-MM-DD} text, as the original stored them). Calculations are read by hand
 * ({@link PayrollCalculationRepository#toCalculation}): the original system's (ObjectId ids, numbers of any type)
 * share the collection.
 */
@MongoEntity(collection = PayrollDatabase.PAYROLL_CALCULATIONS)
public record PayrollCalculationEntity(@BsonId String id,
                                       @BsonProperty("timesheet_id") String timesheetId,
                                       @BsonProperty("employee_id") String employeeId,
                                       @BsonProperty("employee_user_id") String employeeUserId,
                                       String week,
                                       @BsonProperty("period_start") String periodStart,
                                       @BsonProperty("period_end") String periodEnd,
                                       @BsonProperty("total_hours") BigDecimal totalHours,
                                       @BsonProperty("regular_hours") BigDecimal regularHours,
                                       @BsonProperty("overtime_hours") BigDecimal overtimeHours,
                                       @BsonProperty("hourly_rate") BigDecimal hourlyRate,
                                       @BsonProperty("standard_weekly_hours") BigDecimal standardWeeklyHours,
                                       @BsonProperty("overtime_multiplier") BigDecimal overtimeMultiplier,
                                       @BsonProperty("regular_pay") BigDecimal regularPay,
                                       @BsonProperty("overtime_pay") BigDecimal overtimePay,
                                       @BsonProperty("gross_pay") BigDecimal grossPay,
                                       @BsonProperty("calculated_by") String calculatedBy,
                                       @BsonProperty("calculated_at") Instant calculatedAt) {

    static PayrollCalculationEntity of(PayrollCalculation calc) {
        return new PayrollCalculationEntity(calc.id(), calc.timesheetId(), calc.employeeId(), calc.employeeUserId(),
                calc.week(), Values.day(calc.periodStart()), Values.day(calc.periodEnd()), calc.totalHours(),
                calc.regularHours(), calc.overtimeHours(), calc.hourlyRate(), calc.standardWeeklyHours(),
                calc.overtimeMultiplier(), calc.regularPay(), calc.overtimePay(), calc.grossPay(), calc.calculatedBy(),
                calc.calculatedAt());
    }
}
