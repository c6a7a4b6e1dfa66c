-- The sharing step reads one drive's recordings at a time (drive_id = ? AND recording = TRUE). With only the primary
-- key and the index on the recording flag, H2 chose the flag's index and walked every recording of the tenant once
-- per drive: 209,358 recordings x 1,020 drives on the 1,000,000-item benchmark tenant. This index serves the query.
CREATE INDEX ward_item_drive_recording ON ward_item (drive_id, recording, item_id);
