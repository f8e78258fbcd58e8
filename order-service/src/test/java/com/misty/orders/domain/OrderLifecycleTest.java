package com.misty.orders.domain;

import com.misty.contracts.orders.LineUsage;
import com.misty.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.misty.orders.domain.OrderEditPolicyTest.line;
import static com.misty.orders.domain.OrderEditPolicyTest.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aConfirmedOrderGoesIntoProductionAndIsCompletedOnlyFromThere() {
        Order confirmed = order(OrderStatus.CONFIRMED, null, line(1, "P", 5));
        Order inProduction = OrderLifecycle.startProduction(confirmed, "lead", NOW);
        assertThat(inProduction.status()).isEqualTo(OrderStatus.IN_PRODUCTION);
        assertThat(inProduction.version()).isEqualTo(confirmed.version() + 1);
        Order completed = OrderLifecycle.complete(inProduction, List.of(), "lead", NOW);
        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.completedAt()).isEqualTo(NOW);
        assertThat(completed.stockConsumedAt()).isNull();
    }

    @Test
    void noStepRunsBackwardsOrTwice() {
        for (OrderStatus status : OrderStatus.values()) {
            Order current = order(status, null, line(1, "P", 5));
            if (status != OrderStatus.CONFIRMED) {
                assertThatThrownBy(() -> OrderLifecycle.startProduction(current, "u", NOW))
                        .isInstanceOfSatisfying(DomainException.class, e -> {
                            assertThat(e.code()).isEqualTo("INVALID_STATE");
                            assertThat(e.status()).isEqualTo(409);
                        });
            }
            if (status != OrderStatus.IN_PRODUCTION) {
                assertThatThrownBy(() -> OrderLifecycle.complete(current, List.of(), "u", NOW))
                        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_STATE"));
            }
        }
    }

    @Test
    void aPendingRevisionKeepsTheOrderOutOfProduction() {
        PendingRevision pending = new PendingRevision(1, List.of(line(1, "P", 9)), "u", NOW);
        assertThatThrownBy(() -> OrderLifecycle.startProduction(order(OrderStatus.CONFIRMED, pending, line(1, "P", 5)), "u", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("REVISION_PENDING"));
    }

    @Test
    void usageNamesExistingLinesOnceWithinTheirQuantity() {
        Order current = order(OrderStatus.IN_PRODUCTION, null, line(1, "P", 5), line(2, "Q", 3));
        assertThat(OrderLifecycle.complete(current, List.of(new LineUsage(1, new BigDecimal("4.5")),
                new LineUsage(2, BigDecimal.ZERO)), "u", NOW).status()).isEqualTo(OrderStatus.COMPLETED);
        for (List<LineUsage> bad : List.of(List.of(new LineUsage(3, BigDecimal.ONE)),
                List.of(new LineUsage(1, new BigDecimal("5.01"))), List.of(new LineUsage(1, new BigDecimal("-1"))),
                List.of(new LineUsage(1, BigDecimal.ONE), new LineUsage(1, BigDecimal.ONE)))) {
            assertThatThrownBy(() -> OrderLifecycle.complete(current, bad, "u", NOW))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("INVALID_USAGE");
                        assertThat(e.status()).isEqualTo(400);
                    });
        }
    }
}
