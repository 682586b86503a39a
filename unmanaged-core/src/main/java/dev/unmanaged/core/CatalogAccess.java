package dev.unmanaged.core;

import dev.unmanaged.api.inventory.CatalogEntry;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.text.SafeText;
import java.util.List;

/** Whether the request's owner may use a catalog entry; the validation skips this while the owner is unknown. */
final class CatalogAccess {
    private final String ownerId;
    private final boolean ownerKnown;

    CatalogAccess(String ownerId, boolean ownerKnown) {
        this.ownerId = ownerId;
        this.ownerKnown = ownerKnown;
    }

    /** Adds an ACCESS_DENIED problem when the owner may not use {@code entry}. */
    void check(CatalogEntry entry, String kind, String subject, List<Problem> problems) {
        if (ownerKnown && !entry.usableBy(ownerId)) {
            problems.add(Problem.block(ProblemCode.ACCESS_DENIED, subject, "owner " + SafeText.quoted(ownerId)
                    + " may not use " + kind + " " + SafeText.quoted(entry.id()) + "; expected one of its owners "
                    + entry.ownerIds().stream().sorted().toList() + " or an entry open to every owner"));
        }
    }
}
