package com.misty.systemtest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Response;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Original Test 2 (two managers approve the same leave at once) through the gateway, then many managers over
 * several rounds, and managers approving more leave than the balance holds: every request is deducted exactly
 * once and the balance is always the initial balance minus the approved requests, never below zero.
 */
@Order(21)
class LeaveIsDeductedOnceTest {

    private static final String ALREADY_DECIDED = "Already approved or concurrent approval occurred";
    private static final BigDecimal DAY = new BigDecimal("7.5");
    private static final int ROUNDS = Integer.getInteger("plan.rounds", 3);

    private final PlanCrew crew = PlanCrew.get();

    @Test
    void originalTest2TwoManagersApproveTheSameLeaveOneGetsAlreadyDecidedAndTheBalanceDropsOnce() {
        PayrollPeople.Employee employee = PayrollPeople.newEmployee(crew, new BigDecimal("100"));
        String requestId = PayrollPeople.requestLeave(employee, 0, DAY);

        List<Response> answers = Concurrently.run(2,
                i -> () -> crew.manager(i).post("/api/payroll/leave-requests/" + requestId + "/approve", null));

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.field("code").asText()).isEqualTo("ALREADY_DECIDED");
        assertThat(refused.field("detail").asText()).isEqualTo(ALREADY_DECIDED);
        JsonNode profile = PayrollPeople.profile(crew, employee);
        assertThat(profile.path("leave_balances").path("annual").decimalValue()).isEqualByComparingTo("92.5");
        assertThat(profile.get("deducted_leave_requests")).extracting(JsonNode::asText).containsExactly(requestId);
        assertThat(crew.admin.get("/api/payroll/leave-requests/" + requestId).expect(200).field("status").asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void manyManagersOverManyRoundsDeductEveryRequestExactlyOnce() {
        BigDecimal initial = new BigDecimal("200");
        PayrollPeople.Employee employee = PayrollPeople.newEmployee(crew, initial);
        List<String> approved = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            int day = 2 * round;
            List<String> requests = List.of(PayrollPeople.requestLeave(employee, day, DAY),
                    PayrollPeople.requestLeave(employee, day + 1, DAY));

            // Each request gets half of the managers, all released together.
            List<Response> answers = Concurrently.run(PlanCrew.USERS, i -> () -> crew.manager(i)
                    .post("/api/payroll/leave-requests/" + requests.get(i % 2) + "/approve", null));

            for (int r = 0; r < 2; r++) {
                int request = r;
                List<Response> forRequest = IntStream.range(0, answers.size()).filter(i -> i % 2 == request)
                        .mapToObj(answers::get).toList();
                assertThat(forRequest).as("round %d request %d", round, r).extracting(Response::status)
                        .containsOnlyOnce(200).containsOnly(200, 409);
                forRequest.stream().filter(a -> a.status() == 409)
                        .forEach(a -> assertThat(a.field("code").asText()).isEqualTo("ALREADY_DECIDED"));
            }
            approved.addAll(requests);
            JsonNode profile = PayrollPeople.profile(crew, employee);
            assertThat(profile.path("leave_balances").path("annual").decimalValue()).as("round %d", round)
                    .isEqualByComparingTo(initial.subtract(DAY.multiply(BigDecimal.valueOf(approved.size()))));
            assertThat(profile.get("deducted_leave_requests")).extracting(JsonNode::asText)
                    .as("each approved request deducted once").containsExactlyInAnyOrderElementsOf(approved);
        }
    }

    @Test
    void managersApprovingMoreLeaveThanTheBalanceHoldsNeverOverdrawIt() {
        PayrollPeople.Employee employee = PayrollPeople.newEmployee(crew, new BigDecimal("20"));
        BigDecimal eight = new BigDecimal("8");
        List<String> requests = IntStream.range(0, 4).mapToObj(d -> PayrollPeople.requestLeave(employee, 100 + d, eight))
                .toList();

        List<Response> answers = Concurrently.run(PlanCrew.USERS, i -> () -> crew.manager(i)
                .post("/api/payroll/leave-requests/" + requests.get(i % 4) + "/approve", null));

        assertThat(answers).extracting(Response::status).containsOnly(200, 409);
        answers.stream().filter(a -> a.status() == 409).forEach(a -> assertThat(a.field("code").asText())
                .isIn("ALREADY_DECIDED", "INSUFFICIENT_BALANCE"));
        List<String> statuses = requests.stream()
                .map(id -> crew.admin.get("/api/payroll/leave-requests/" + id).expect(200).field("status").asText())
                .toList();
        assertThat(statuses).as("20 h hold two 8 h requests").containsExactlyInAnyOrder("APPROVED", "APPROVED",
                "PENDING", "PENDING");
        JsonNode profile = PayrollPeople.profile(crew, employee);
        assertThat(profile.path("leave_balances").path("annual").decimalValue()).isEqualByComparingTo("4");
        List<String> approvedIds = IntStream.range(0, 4).filter(i -> statuses.get(i).equals("APPROVED"))
                .mapToObj(requests::get).toList();
        assertThat(profile.get("deducted_leave_requests")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(approvedIds);
    }
}
