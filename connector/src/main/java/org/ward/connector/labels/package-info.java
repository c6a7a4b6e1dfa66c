/**
 * Labels on files beside patient recordings: which files can carry a sensitivity label, the collector that reads
 * them, and the scan step that keeps Ward's copy current.
 */
package org.ward.connector.labels;
