using AssetMap.Api.Features.History;
using AssetMap.Api.Features.Suggestions;

namespace AssetMap.Api.Features.Editing;

/// <summary>Wiring of editing, history, the audit and suggestions.</summary>
internal static class EditingSetup
{
    public static IServiceCollection AddAssetEditing(this IServiceCollection services)
    {
        services.AddSingleton<EditJson>();
        services.AddScoped<AssetDraft>();
        services.AddScoped<AssetEditor>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<EditorChoices>();
        services.AddScoped<SuggestionReview>();
        return services;
    }
}
