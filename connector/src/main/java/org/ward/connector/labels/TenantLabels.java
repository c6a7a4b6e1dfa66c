package org.ward.connector.labels;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.labels.collect.TenantLabelCatalogue;
import org.ward.connector.labels.collect.TenantLabelCatalogue.CatalogueLabel;

/**
 * The tenant's sensitivity labels, for naming the ids Graph reports and finding the id of a label the pack names:
 * read from Graph's label catalogue when the app may (SensitivityLabels.Read.All, global cloud), otherwise empty
 * with the reason, so the pack's own {@code id}s are all Ward has.
 */
@Component
public class TenantLabels {

    /**
     * @param labels by id in lower case
     * @param unavailable why the catalogue could not be read, null when it was
     */
    public record Named(Map<String, CatalogueLabel> labels, String unavailable) {

        /** The id of a label by name (ignoring case), if the catalogue has it. */
        public java.util.Optional<String> idOf(String name) {
            return labels.values().stream().filter(l -> l.name().equalsIgnoreCase(name)).map(CatalogueLabel::id).findFirst();
        }
    }

    private final TenantLabelCatalogue catalogue;

    public TenantLabels(TenantLabelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Named read() {
        try {
            Map<String, CatalogueLabel> byId = new LinkedHashMap<>();
            catalogue.read().forEach((id, label) -> byId.put(id.toLowerCase(Locale.ROOT), label));
            return new Named(byId, null);
        } catch (GraphAccessException e) {
            if (e.status() == 403) {
                return new Named(Map.of(), "the app cannot read the tenant's label catalogue (grant"
                        + " SensitivityLabels.Read.All), and the pack's labels.sensitivityOrder gives no id for it.");
            }
            if (e.status() == 400 || e.status() == 404) {
                // National clouds have no label catalogue: Graph answers as for a segment it does not know.
                return new Named(Map.of(), "this cloud has no label catalogue in Graph, and the pack's"
                        + " labels.sensitivityOrder gives no id for it.");
            }
            throw e;
        }
    }
}
