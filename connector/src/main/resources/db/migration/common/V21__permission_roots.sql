-- Issue 12: permission reads scale with unique permissions, not with items (docs/sharing.md).

-- The items delta marks as roots of a permission hierarchy when Ward asks with Prefer: hierarchicalsharing (they carry
-- a shared facet; every other item inherits). scope is the facet's scope, '' for an empty facet (unique but not
-- shared); marked_scan the scan whose delta last delivered the item with its facet; changed whether its permissions
-- must be read again: delta annotated a sharing change, its scope changed, or it is a folder that came back (Graph
-- does not annotate folders).
CREATE TABLE ward_permission_root (
    drive_id     VARCHAR(200) NOT NULL,
    item_id      VARCHAR(200) NOT NULL,
    scope        VARCHAR(40) NOT NULL,
    folder       BOOLEAN NOT NULL,
    marked_scan  BIGINT NOT NULL,
    changed      BOOLEAN NOT NULL,
    PRIMARY KEY (drive_id, item_id)
);

-- Whose permission list each ward_access row set is: a recording read item by item ('item', without
-- Sites.FullControl.All), a permission root ('root') or a library's root ('drive', item id 'root'); where it stood when
-- read (its parent, and the nearest root above it) and a digest of what was read, so a change above a nested root, a
-- move, or a root appearing or going in between is noticed.
ALTER TABLE ward_access_state ADD COLUMN subject VARCHAR(10) DEFAULT 'item' NOT NULL;
ALTER TABLE ward_access_state ADD COLUMN parent_id VARCHAR(200);
ALTER TABLE ward_access_state ADD COLUMN above_id VARCHAR(200);
ALTER TABLE ward_access_state ADD COLUMN grants_digest VARCHAR(64);

-- What each scan's sharing step read: how ('hierarchy' or 'every-recording'), how many permission lists, how many
-- lists Ward holds after it (roots and libraries, or recordings), and for how many recordings.
CREATE TABLE ward_sharing_reads (
    scan_id     BIGINT PRIMARY KEY,
    method      VARCHAR(20) NOT NULL,
    reads       BIGINT NOT NULL,
    lists       BIGINT NOT NULL,
    recordings  BIGINT NOT NULL
);
