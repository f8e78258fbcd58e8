package com.misty.orders.domain;

import java.util.List;

/** What a user sends to create a client. */
public record NewClient(String code, String name, List<ClientContact> contacts, String billingAddress,
                        String deliveryAddress, String notes) {
}
