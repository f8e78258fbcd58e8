package com.misty.inventory.domain;

/** The outcome of one atomic, idempotent change of a stock record. */
public sealed interface StockChange {

    /** The change was applied now; {@code after} is the record right after it. */
    record Applied(StockItem after) implements StockChange {
    }

    /** The same change (same allocation id) had already been applied earlier; nothing changed now. */
    record AlreadyApplied(StockItem current) implements StockChange {
    }

    /** Not enough units on hand; nothing changed. */
    record Short(long available) implements StockChange {
    }

    /**
     * Nothing changed: so many movements passed since the writer read the record that one applied meanwhile could
     * have left its memory. The writer reads the record and checks again.
     */
    record Outpaced() implements StockChange {
    }

    /** No stock record for that product and client. */
    record NoStock() implements StockChange {
    }
}
