package org.ward.rules.facts;

/**
 * The media facets Graph puts on a driveItem. Graph documents the audio facet as OneDrive Personal only, so
 * on SharePoint an audio file is usually known by its MIME type and extension instead.
 *
 * @param audio the item had an audio facet
 * @param video the item had a video facet
 * @param photo the item had a photo facet (camera metadata)
 * @param image the item had an image facet (dimensions)
 * @param durationMillis the audio or video duration, null when unknown
 */
public record MediaFacets(boolean audio, boolean video, boolean photo, boolean image, Long durationMillis) {

    public static final MediaFacets NONE = new MediaFacets(false, false, false, false, null);

    public boolean any() {
        return audio || video || photo || image;
    }
}
