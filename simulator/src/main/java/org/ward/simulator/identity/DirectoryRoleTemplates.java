package org.ward.simulator.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Built-in Microsoft Entra roles by name and template id (the same in every tenant; Microsoft Entra built-in roles
 * reference). The list covers the privileged roles CIS M365 5.2.2.1 names and a few read-only ones.
 */
public final class DirectoryRoleTemplates {

    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("Global Administrator", "62e90394-69f5-4237-9190-012177145e10");
        BY_NAME.put("Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814");
        BY_NAME.put("Privileged Authentication Administrator", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13");
        BY_NAME.put("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d");
        BY_NAME.put("Conditional Access Administrator", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9");
        BY_NAME.put("SharePoint Administrator", "f28a1f50-f6e7-4571-818b-6a12f2af6b6c");
        BY_NAME.put("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de");
        BY_NAME.put("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1");
        BY_NAME.put("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8");
        BY_NAME.put("Password Administrator", "966707d0-3269-4727-9be2-8c3a10f19b9d");
        BY_NAME.put("Authentication Administrator", "c4e39bd9-1100-46d3-8c65-fb160da0071f");
        BY_NAME.put("Billing Administrator", "b0f54661-2d74-4c50-afa3-1ec803f12efe");
        BY_NAME.put("Application Administrator", "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3");
        BY_NAME.put("Cloud Application Administrator", "158c047a-c907-4556-b7ef-446551a6b5f7");
        BY_NAME.put("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451");
        BY_NAME.put("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b");
        BY_NAME.put("Reports Reader", "4a5d8f65-41da-4de4-8968-e035b65339cf");
        BY_NAME.put("Security Reader", "5d6b6bb7-de71-4623-b4af-96380a352509");
        BY_NAME.put("Teams Administrator", "69091246-20e8-4a56-aa4d-066075b2a7a8");
    }

    private DirectoryRoleTemplates() {
    }

    /** The template id of a built-in role by its name (ignoring case), or null. */
    public static String templateId(String name) {
        return BY_NAME.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The role's name by template id, or null. */
    public static String name(String templateId) {
        return BY_NAME.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(templateId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The description Graph shows for an activated directory role. */
    static String description(String name) {
        return name.equals("Global Administrator")
                ? "Can manage all aspects of Azure AD and Microsoft services that use Azure AD identities."
                : "Members of this role have the permissions of the " + name + " role.";
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
