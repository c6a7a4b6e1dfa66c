/**
 * Copies of what Ward writes to disk (the report folder of a scan, evidence packs) kept in an Azure Blob container
 * of the deployment's storage account, through the official azure-storage-blob SDK and Ward's Azure identity. A copy
 * never fails or holds up the work that wrote the files: a failed copy is one sentence, and the files stay on disk.
 */
package org.ward.connector.archive;
