package com.misty.orders.domain;

/**
 * Which clients a list shows.
 *
 * @param text   matched against the start of the code and anywhere in the name, ignoring case; null for all
 * @param active true or false to show only active or inactive clients; null for both
 */
public record ClientFilter(String text, Boolean active) {
}
