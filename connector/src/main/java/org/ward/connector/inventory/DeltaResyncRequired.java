package org.ward.connector.inventory;

/**
 * Graph answered 410 Gone to a delta link: the stored cursor is no longer valid and the drive must be enumerated
 * again from {@link #restartLink()} (Graph's {@code Location} header), reconciling against what Ward holds.
 */
public final class DeltaResyncRequired extends RuntimeException {

    private final String driveId;
    private final String restartLink;

    public DeltaResyncRequired(String driveId, String restartLink, String code) {
        super("Graph no longer accepts the stored delta cursor of drive " + driveId + " (" + code
                + "); Ward resynchronises that drive in full.");
        this.driveId = driveId;
        this.restartLink = restartLink;
    }

    public String driveId() {
        return driveId;
    }

    /** Where a fresh enumeration starts, or null when Graph gave no Location. */
    public String restartLink() {
        return restartLink;
    }
}
