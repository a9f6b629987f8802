using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Editing;

/// <summary>The REST contract's name for a field a domain rule names (the importer maps the same names to its columns).</summary>
internal static class DomainFields
{
    public static string ContractName(string domainField, AssetKind kind) => domainField switch
    {
        "address" => "address.line",
        "town" => "address.town",
        "postcode" => "address.postcode",
        "phone" or "email" or "website" => "contact." + domainField,
        "openingHours" => "hub.openingHours",
        "serviceRadius" => "microEnterprise.serviceRadiusMetres",
        "showHomeLocation" => "microEnterprise.showsHomeLocation",
        "priceUnit" or "cqcRegistration" or "serviceArea" => "microEnterprise." + domainField,
        "price" => kind == AssetKind.Activity ? "activity.costPence" : "microEnterprise.pricePence",
        "provider" or "capacity" or "schedule" => "activity." + domainField,
        _ => domainField,
    };
}
