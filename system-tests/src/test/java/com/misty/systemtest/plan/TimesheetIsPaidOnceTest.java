package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Response;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Original Test 3 (two managers approve the same timesheet at once) through the gateway, then many managers over
 * several rounds and employees: exactly one payroll calculation per timesheet, with the right pay.
 */
@Order(22)
class TimesheetIsPaidOnceTest {

    private static final int ROUNDS = Integer.getInteger("plan.rounds", 3);

    private final PlanCrew crew = PlanCrew.get();

    @Test
    void originalTest3TwoManagersApproveTheSameTimesheetOneGetsAlreadyApprovedAndOneCalculationExists() {
        PayrollPeople.Employee employee = PayrollPeople.newEmployee(crew, BigDecimal.ZERO);
        String timesheetId = PayrollPeople.submitTimesheet(employee, 0);

        List<Response> answers = Concurrently.run(2,
                i -> () -> crew.manager(i).post("/api/payroll/timesheets/" + timesheetId + "/approve", null));

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.field("code").asText()).isEqualTo("ALREADY_DECIDED");
        assertThat(refused.field("detail").asText()).isEqualTo("Already approved by another manager");
        assertOneCalculation(timesheetId, answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow());
    }

    @Test
    void manyManagersOverManyRoundsCreateExactlyOneCalculationPerTimesheet() {
        List<PayrollPeople.Employee> employees = List.of(PayrollPeople.newEmployee(crew, BigDecimal.ZERO),
                PayrollPeople.newEmployee(crew, BigDecimal.ZERO));

        for (int round = 0; round < ROUNDS; round++) {
            int week = round;
            List<String> sheets = employees.stream().map(e -> PayrollPeople.submitTimesheet(e, week)).toList();

            List<Response> answers = Concurrently.run(PlanCrew.USERS, i -> () -> crew.manager(i)
                    .post("/api/payroll/timesheets/" + sheets.get(i % 2) + "/approve", null));

            for (int s = 0; s < 2; s++) {
                int sheet = s;
                List<Response> forSheet = IntStream.range(0, answers.size()).filter(i -> i % 2 == sheet)
                        .mapToObj(answers::get).toList();
                assertThat(forSheet).as("round %d sheet %d", round, s).extracting(Response::status)
                        .containsOnlyOnce(200).containsOnly(200, 409);
                forSheet.stream().filter(a -> a.status() == 409)
                        .forEach(a -> assertThat(a.field("code").asText()).isEqualTo("ALREADY_DECIDED"));
                assertOneCalculation(sheets.get(s),
                        forSheet.stream().filter(a -> a.status() == 200).findFirst().orElseThrow());
            }
        }
        for (PayrollPeople.Employee employee : employees) {
            JsonNode all = crew.admin.get("/api/payroll/calculations?employee_id=" + employee.profileId())
                    .expect(200).json();
            assertThat(all).as("one calculation per week of %s", employee.profileId()).hasSize(ROUNDS);
        }
    }

    /** The sheet is approved and has exactly one calculation: the one the winning approval answered with. */
    private void assertOneCalculation(String timesheetId, Response winner) {
        JsonNode calculations = PayrollPeople.calculationsOf(crew, timesheetId).json();
        assertThat(calculations).as("calculations of timesheet %s", timesheetId).hasSize(1);
        JsonNode calculation = calculations.get(0);
        assertThat(calculation.get("gross_pay").decimalValue()).isEqualByComparingTo(PayrollPeople.GROSS_OF_A_SUBMITTED_WEEK);
        JsonNode sheet = crew.admin.get("/api/payroll/timesheets/" + timesheetId).expect(200).json();
        assertThat(sheet.get("status").asText()).isEqualTo("APPROVED");
        assertThat(winner.field("calculation").path("id").asText()).isEqualTo(calculation.get("id").asText());
    }
}
