package com.misty.payroll.rest;

import com.misty.contracts.Topics;
import com.misty.platform.events.EventJson;
import com.misty.testkit.Concurrently;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.misty.payroll.PayrollApi.createEmployee;
import static com.misty.payroll.PayrollApi.createLeaveId;
import static com.misty.payroll.PayrollApi.employee;
import static com.misty.payroll.PayrollApi.manager;
import static com.misty.payroll.PayrollApi.post;
import static com.misty.payroll.PayrollApi.submittedTimesheet;
import static com.misty.payroll.PayrollApi.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;

/** Decisions reach payroll.events through the outbox, once per decision however many managers raced. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class PayrollEventsResourceTest {

    private static List<String> typesFor(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .map(r -> EventJson.read(r.value()).envelope().type()).toList();
    }

    @Test
    void leaveAndTimesheetDecisionsArePublishedOnce() {
        String user = uniqueUser("emp");
        createEmployee(user, "20.00", "40", "80");
        String leaveId = createLeaveId(employee(user), "ANNUAL", "2027-08-02", "2027-08-02", "8");
        String timesheetId = submittedTimesheet(employee(user), "2027-W31", "8", "8");

        Concurrently.run(16, i -> () -> post(manager("mgr-" + i), i % 2 == 0
                ? "/api/payroll/leave-requests/" + leaveId + "/approve"
                : "/api/payroll/timesheets/" + timesheetId + "/approve").statusCode());
        post(manager("mgr-1"), "/api/payroll/leave-requests/" + leaveId + "/cancel");

        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.PAYROLL_EVENTS)) {
            List<ConsumerRecord<String, String>> seen = probe.pollUntil(records ->
                    typesFor(records, leaveId).contains("LeaveCancelled")
                            && typesFor(records, timesheetId).contains("TimesheetApproved")
                            && records.stream().anyMatch(r -> r.value().contains("\"PayrollCalculated\"")
                            && r.value().contains(timesheetId)), Duration.ofSeconds(30));

            assertThat(typesFor(seen, leaveId)).containsExactly("LeaveRequested", "LeaveApproved", "LeaveCancelled");
            assertThat(typesFor(seen, timesheetId)).containsExactly("TimesheetSubmitted", "TimesheetApproved");
            assertThat(seen).filteredOn(r -> r.value().contains("\"PayrollCalculated\"") && r.value().contains(timesheetId))
                    .hasSize(1);
        }
    }
}
