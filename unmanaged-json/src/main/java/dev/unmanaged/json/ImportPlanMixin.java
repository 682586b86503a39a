package dev.unmanaged.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Adds the derived {@code importable} key to an import plan, so a consumer need not re-derive it. */
abstract class ImportPlanMixin {
    @JsonProperty(value = "importable", access = JsonProperty.Access.READ_ONLY)
    abstract boolean importable();
}
