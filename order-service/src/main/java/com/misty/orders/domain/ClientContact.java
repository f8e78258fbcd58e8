package com.misty.orders.domain;

/** A person at a client orders name as their contact. */
public record ClientContact(String name, String email, String phone, String role) {
}
