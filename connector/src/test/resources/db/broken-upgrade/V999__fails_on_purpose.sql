-- A test-only migration that fails half-way, as an upgrade can on a real installation: it creates a table, then
-- refers to one that does not exist. DataFolderTests uses it to check the sentence that names the copy to restore.
CREATE TABLE ward_half_upgraded (id INT);
INSERT INTO no_such_table VALUES (1);
