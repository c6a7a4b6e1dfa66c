package org.ward.connector.inventory;

/**
 * Graph does not serve list-item delta for this library (a national cloud's gateway does not know the operation, or the
 * service refused the request): the inventory reads labels and columns item by item instead.
 */
public final class ListDeltaUnavailable extends RuntimeException {

    public ListDeltaUnavailable(LibraryList library, String reason) {
        super("Graph does not serve list-item delta for list " + library.listId() + " (" + reason + ")");
    }
}
