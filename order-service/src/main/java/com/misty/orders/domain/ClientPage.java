package com.misty.orders.domain;

import java.util.List;

/** One page of clients and how many match in all. */
public record ClientPage(List<Client> items, int page, int size, long total) {
}
