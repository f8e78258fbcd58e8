package com.misty.payroll.repository;

import com.misty.platform.storage.ServiceDatabase;
import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database and the names of its collections. */
@ApplicationScoped
public class PayrollDatabase extends ServiceDatabase {

    public static final String EMPLOYEE_PROFILES = "employee_profiles";
    public static final String LEAVE_REQUESTS = "leave_requests";
    public static final String TIMESHEETS = "timesheets";
    public static final String PAYROLL_CALCULATIONS = "payroll_calculations";

    public PayrollDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        super(client, name);
    }
}
