package dev.unmanaged.api.operation;

/**
 * Options of an import.
 *
 * @param dryRun                  plan and validate only; nothing is written
 * @param regenerateCollidingMacs when a NIC's MAC is already in use on its network, record a fresh one instead
 *                                of refusing (the guest keeps its MAC until the orchestrator re-applies it)
 */
public record ImportOptions(boolean dryRun, boolean regenerateCollidingMacs) {
    /** Import for real, refuse colliding MACs. */
    public static final ImportOptions DEFAULT = new ImportOptions(false, false);
}
