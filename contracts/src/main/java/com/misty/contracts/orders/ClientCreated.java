package com.misty.contracts.orders;

/** A client orders can be placed for was created (for live views). */
public record ClientCreated(String clientId, String code, String name, long version) {
}
