/**
 * Ward's database as an administrator meets it: where it lives (always in the data folder, whatever the working
 * directory), how it is opened (H2's automatic mixed mode so a read-only command works while a scan runs; read-only
 * commands open the file read-only), the check that refuses a damaged file before anything writes to it, the copy
 * taken before an upgrade, and the one-sentence failures for a database that cannot be reached or used.
 */
package org.ward.connector.database;
