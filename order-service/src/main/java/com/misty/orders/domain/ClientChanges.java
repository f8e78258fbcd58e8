package com.misty.orders.domain;

import java.util.List;

/** The fields one client edit sends; null means "leave as it is". */
public record ClientChanges(String name, List<ClientContact> contacts, String billingAddress, String deliveryAddress,
                            String notes, Boolean active) {

    public static ClientChanges activation(boolean active) {
        return new ClientChanges(null, null, null, null, null, active);
    }
}
