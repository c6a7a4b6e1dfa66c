-- Ward looks list item ids up a drive at a time, which the primary key (drive_id, item_id) already serves; the index
-- V23 made only cost each of the inventory's inserts.
DROP INDEX ward_item_list_item;
