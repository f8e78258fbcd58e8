package com.misty.orders.domain;

import java.util.List;

/** One page of orders, newest first; {@code total} counts every order matching the filters. */
public record OrderPage(List<Order> items, int page, int size, long total) {
}
