package dev.unmanaged.core;

import dev.unmanaged.api.inventory.ManagedNic;
import dev.unmanaged.api.operation.IpAssignment;

/**
 * A NIC as an import will record it.
 *
 * @param instanceMac the MAC the instance has
 * @param mac         the MAC to record: the instance's, or a fresh one when it collided and regeneration was asked
 * @param networkId   the network
 * @param ip          the address requested, null for none
 * @param plannedIp   the fixed address, the guest's for {@code current}, or for {@code auto} the one free when
 *                    planning (the commit allocates); null when there is none
 */
record PlannedNic(String instanceMac, String mac, String networkId, IpAssignment ip, String plannedIp) {
    boolean wantsAutomaticIp() {
        return ip instanceof IpAssignment.Auto;
    }

    ManagedNic toManaged() {
        return new ManagedNic(mac, networkId, plannedIp);
    }
}
