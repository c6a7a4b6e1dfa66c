-- Retention labels and metadata columns come from each library's list-item delta: the drive row keeps the library's
-- list (site and list id) and its list-item cursor beside the drive's own; an item Ward reads through the list keeps
-- its list item id, the key the two feeds share.
ALTER TABLE ward_drive ADD COLUMN list_site_id VARCHAR(400);
ALTER TABLE ward_drive ADD COLUMN list_id VARCHAR(100);
ALTER TABLE ward_drive ADD COLUMN list_delta_link VARCHAR(16000);
ALTER TABLE ward_item ADD COLUMN list_item_id VARCHAR(40);
CREATE INDEX ward_item_list_item ON ward_item (drive_id, list_item_id);
