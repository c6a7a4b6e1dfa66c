package org.ward.rules.facts;

/** The kinds of place where Microsoft 365 keeps files. */
public enum LocationKind {
    /** A SharePoint site that is not connected to a Microsoft 365 group (communication or classic site). */
    SHAREPOINT_SITE,
    /** The site of a Microsoft 365 group, with or without a team. */
    GROUP_SITE,
    /** The separate site of a private or shared Teams channel. */
    CHANNEL_SITE,
    /** A user's OneDrive. */
    ONEDRIVE
}
