using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Editing;

/// <summary>
/// Editors create, replace (PUT), merge-patch (PATCH, RFC 7396) and archive hubs, micro-enterprises and activities.
/// Optimistic concurrency: every answer carries the version as an ETag; PUT, PATCH and archive need it back in
/// <c>If-Match</c> (428 without it, so no client can overwrite blind) and get 412 with the current record when
/// someone else changed the entry meanwhile. Rules are the domain's: 422 naming each field.
/// </summary>
internal static class EditingEndpoints
{
    private const string ConcurrencyNote = " Send the ETag you were given in If-Match: 428 without it, 412 (with the current record) when the entry changed since.";

    public static IEndpointRouteBuilder MapEditingEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireAuthorization(AuthPolicies.Editor).WithTags("Editing");
        MapCreate(api, "/hubs", AssetKind.Hub, "CreateHub", "a community hub");
        MapCreate(api, "/micro-enterprises", AssetKind.MicroEnterprise, "CreateMicroEnterprise", "a micro-enterprise");
        MapCreate(api, "/activities", AssetKind.Activity, "CreateActivity", "a social-prescribing activity");

        api.MapGet("/assets/{id:guid}/editable", EditingHandlers.GetEditableAsync)
            .WithName("GetEditableAsset")
            .WithSummary("Read an entry's editable fields (any status, the exact place included)")
            .WithDescription("Carries the ETag to send back in If-Match when changing the entry.")
            .Produces<AssetRecordResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/assets/{id:guid}", EditingHandlers.ReplaceAsync)
            .WithName("ReplaceAsset")
            .WithSummary("Replace an entry's editable fields")
            .WithDescription("A full replacement: fields left out are cleared. The kind cannot change." + ConcurrencyNote)
            .Accepts<AssetEdit>("application/json")
            .Produces<AssetRecordResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapPatch("/assets/{id:guid}", EditingHandlers.PatchAsync)
            .WithName("PatchAsset")
            .WithSummary("Change some of an entry's fields (JSON merge patch)")
            .WithDescription("application/merge-patch+json (RFC 7396) against the 'fields' document of GET …/editable: members given replace, null clears, objects merge." + ConcurrencyNote)
            .Accepts<AssetEdit>(MergePatch.MediaType)
            .Produces<AssetRecordResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapPost("/assets/{id:guid}/archive", EditingHandlers.ArchiveAsync)
            .WithName("ArchiveAsset")
            .WithSummary("Archive an entry (it leaves every public surface; nothing is deleted)")
            .WithDescription("An optional reason is kept in the entry's history." + ConcurrencyNote)
            .Accepts<ArchiveRequest>("application/json")
            .Produces<AssetRecordResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    private static void MapCreate(RouteGroupBuilder api, string path, AssetKind kind, string name, string what) =>
        api.MapPost(path, (HttpContext http, AssetEditor editor, EditJson json, CancellationToken ct) => EditingHandlers.CreateAsync(http, kind, editor, json, ct))
            .WithName(name)
            .WithSummary($"Create {what}")
            .WithDescription("Checked by the same rules as the importer. Without a location the entry is placed at its postcode; the slug and PCN area are derived. 201 with the record and its ETag.")
            .Accepts<AssetEdit>("application/json")
            .Produces<AssetRecordResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
