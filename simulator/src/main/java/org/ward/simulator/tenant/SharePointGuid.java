package org.ward.simulator.tenant;

import java.util.Locale;
import java.util.UUID;

/**
 * The GUID SharePoint gives a drive or a list item (an eTag's first part, a listItemUniqueId), derived from the
 * simulator's id so it stays the same across restarts of the same tenant. Drives and lists both read it, so it
 * lives with the tenant's model rather than in either's JSON.
 */
public final class SharePointGuid {

    private SharePointGuid() {
    }

    /** Upper-case, as SharePoint writes it inside an eTag. */
    public static String of(String id) {
        long a = 0xcbf29ce484222325L;
        long b = 0x84222325cbf29ce4L;
        for (int i = 0; i < id.length(); i++) {
            a = (a ^ id.charAt(i)) * 0x100000001b3L;
            b = (b ^ id.charAt(id.length() - 1 - i)) * 0x100000001b3L;
        }
        return new UUID(a, b).toString().toUpperCase(Locale.ROOT);
    }

    /** The library's list id, as {@code sharepointIds.listId} gives it (lower case, as Graph writes GUIDs). */
    public static String listIdOf(Drive drive) {
        return of(drive.id).toLowerCase(Locale.ROOT);
    }
}
