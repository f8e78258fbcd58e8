package com.misty.payroll.repository;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Creates the collections' indexes at startup; creating an existing index is a no-op, so restarts are safe. The
 * unique ones are load-bearing (one profile per user, one sheet per employee and week, one calculation per sheet);
 * the others serve the list and recovery queries on real MongoDB (the stand-in ignores them).
 */
@ApplicationScoped
public class PayrollDatabaseSetup {

    private final PayrollDatabase database;

    public PayrollDatabaseSetup(PayrollDatabase database) {
        this.database = database;
    }

    // Runs before anything else observes startup (the unique indexes are load-bearing for correctness).
    void onStart(@Observes @Priority(1) StartupEvent event) {
        database.collection(PayrollDatabase.EMPLOYEE_PROFILES).createIndex(Indexes.ascending("user_id"), new IndexOptions().unique(true));
        database.collection(PayrollDatabase.EMPLOYEE_PROFILES).createIndex(Indexes.ascending("active"));
        database.collection(PayrollDatabase.LEAVE_REQUESTS).createIndex(Indexes.ascending("status", "employee_id"));
        database.collection(PayrollDatabase.LEAVE_REQUESTS).createIndex(Indexes.ascending("employee_id", "start_date"));
        // The recovery's query for cancellations whose refund is still due (sparse: only those carry the flag).
        database.collection(PayrollDatabase.LEAVE_REQUESTS).createIndex(Indexes.ascending(LeaveRequestRepository.REFUND_DUE),
                new IndexOptions().sparse(true));
        database.collection(PayrollDatabase.TIMESHEETS).createIndex(Indexes.ascending("employee_id", "week"), new IndexOptions().unique(true));
        database.collection(PayrollDatabase.TIMESHEETS).createIndex(Indexes.ascending("status", "employee_id"));
        database.collection(PayrollDatabase.PAYROLL_CALCULATIONS).createIndex(Indexes.ascending("timesheet_id"),
                new IndexOptions().unique(true));
        database.collection(PayrollDatabase.PAYROLL_CALCULATIONS).createIndex(Indexes.ascending("employee_id", "period_start"));
    }
}
