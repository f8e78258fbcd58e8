package com.misty.inventory.domain.saga;

/**
 * One stock change of a saga attempt: allocation {@code fromAllocationId} ({@code fromQuantity} units, absent
 * for a new line) becomes {@code toAllocationId} ({@code toQuantity} units, absent when the line is dropped).
 *
 * @param available for a SHORT step, the units that were on hand
 */
public record AllocationSagaStep(int index, int line, String productId, String fromAllocationId, long fromQuantity,
                       String toAllocationId, long toQuantity, StepState state, long available) {

    /** A step that takes more stock can fail; one that gives stock back cannot. */
    public boolean increases() {
        return toQuantity > fromQuantity;
    }

    public long additionalQuantity() {
        return toQuantity - fromQuantity;
    }

    public boolean opensNew() {
        return fromAllocationId == null;
    }

    public boolean closesOnly() {
        return toAllocationId == null;
    }

    public AllocationSagaStep withState(StepState newState, long availableUnits) {
        return new AllocationSagaStep(index, line, productId, fromAllocationId, fromQuantity, toAllocationId, toQuantity,
                newState, availableUnits);
    }
}
