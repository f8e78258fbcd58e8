package com.misty.contracts.orders;

import java.util.List;

/** A client was edited, deactivated or reactivated; {@code changedFields} names what changed (for live views). */
public record ClientUpdated(String clientId, String code, String name, boolean active, long version,
                            List<String> changedFields) {
}
