using System.Text.Json;
using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Assets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AssetMap.Api.Features.Editing;

/// <summary>The editing API's handlers: HTTP in and out; <see cref="AssetEditor"/> does the work.</summary>
internal static class EditingHandlers
{
    public static async Task<IResult> CreateAsync(HttpContext http, AssetKind kind, AssetEditor editor, EditJson json, CancellationToken ct)
    {
        if (await ReadAsync(http, json, ct) is { } unread)
        {
            return unread.Problem;
        }

        var result = await editor.CreateAsync(kind, Body(http), EditContext.Api(http), ct);
        return Answer(http, result);
    }

    public static async Task<IResult> GetEditableAsync(Guid id, HttpContext http, AssetEditor editor, CancellationToken ct)
    {
        if (await editor.LoadAsync(id, ct) is not { } asset)
        {
            return NotFound(id);
        }

        http.Response.Headers.ETag = EntityTags.For(asset.Version);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(asset.ToRecord());
    }

    public static async Task<IResult> ReplaceAsync(Guid id, HttpContext http, AssetEditor editor, EditJson json, CancellationToken ct)
    {
        if (EntityTags.Precondition(http, "GET /api/v1/assets/{id}/editable", out var expected) is { } missing)
        {
            return missing;
        }

        if (await ReadAsync(http, json, ct) is { } unread)
        {
            return unread.Problem;
        }

        return Answer(http, await editor.ReplaceAsync(id, Body(http), expected, EditContext.Api(http), ct));
    }

    public static async Task<IResult> PatchAsync(Guid id, HttpContext http, AssetEditor editor, EditJson json, CancellationToken ct)
    {
        if (!string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), MergePatch.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send a JSON merge patch as {MergePatch.MediaType}.");
        }

        if (EntityTags.Precondition(http, "GET /api/v1/assets/{id}/editable", out var expected) is { } missing)
        {
            return missing;
        }

        var (patch, unreadable) = await EditJson.ParseAsync(http.Request, ct);
        if (unreadable is not null)
        {
            return unreadable.ToProblem(StatusCodes.Status400BadRequest);
        }

        if (await editor.LoadAsync(id, ct) is not { } asset)
        {
            return NotFound(id);
        }

        // The patch applies to the fields as they are now; the version check still compares with what the client saw.
        // A new postcode with the old point moves the entry to the postcode (AssetDraft), as a full replacement would.
        var merged = MergePatch.Apply(json.Tree(asset.ToEdit()), patch)!;
        var (edit, wrong) = json.Read(merged);
        return wrong is not null
            ? wrong.ToProblem(StatusCodes.Status400BadRequest)
            : Answer(http, await editor.ReplaceAsync(id, edit!, expected, EditContext.Api(http), ct));
    }

    public static async Task<IResult> ArchiveAsync(Guid id, HttpContext http, AssetEditor editor, CancellationToken ct)
    {
        if (EntityTags.Precondition(http, "GET /api/v1/assets/{id}/editable", out var expected) is { } missing)
        {
            return missing;
        }

        string? reason = null;
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                reason = (await http.Request.ReadFromJsonAsync<ArchiveRequest>(ct))?.Reason;
            }
            catch (JsonException)
            {
                var errors = new EditErrors();
                errors.Add("reason", "The body is not a JSON object like {\"reason\": \"Closed down\"}.");
                return errors.ToProblem(StatusCodes.Status400BadRequest);
            }
        }

        return Answer(http, await editor.ArchiveAsync(id, expected, reason, EditContext.Api(http), ct));
    }

    private static async Task<Unread?> ReadAsync(HttpContext http, EditJson json, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            return new(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the entry as application/json."));
        }

        var (node, unreadable) = await EditJson.ParseAsync(http.Request, ct);
        if (unreadable is not null)
        {
            return new(unreadable.ToProblem(StatusCodes.Status400BadRequest));
        }

        var (edit, wrong) = json.Read(node!);
        if (wrong is not null)
        {
            return new(wrong.ToProblem(StatusCodes.Status400BadRequest));
        }

        http.Items[typeof(AssetEdit)] = edit;
        return null;
    }

    private static AssetEdit Body(HttpContext http) => (AssetEdit)http.Items[typeof(AssetEdit)]!;

    private static IResult Answer(HttpContext http, EditResult result)
    {
        switch (result.Status)
        {
            case EditResult.Outcome.Invalid:
                return result.Errors!.ToProblem();
            case EditResult.Outcome.NotFound:
                return NotFound(null);
            case EditResult.Outcome.Conflict when result.Asset is { } theirs:
                http.Response.Headers.ETag = EntityTags.For(theirs.Version);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status412PreconditionFailed,
                    title: "The entry changed since you read it",
                    detail: "Someone else saved this entry after the version you sent in If-Match. 'current' is their version: merge your change into it and send it again with the new ETag.",
                    extensions: new Dictionary<string, object?> { ["current"] = theirs.ToRecord() });
            case EditResult.Outcome.Conflict:
                return NotFound(null);
        }

        var asset = result.Asset!;
        http.Response.Headers.ETag = EntityTags.For(asset.Version);
        http.Response.Headers.CacheControl = "no-store";
        return result.Status == EditResult.Outcome.Created
            ? TypedResults.Created($"{AssetMappings.DetailPath}{asset.Id}/editable", asset.ToRecord())
            : TypedResults.Ok(asset.ToRecord());
    }

    private static ProblemHttpResult NotFound(Guid? id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Asset not found", detail: id is null ? "No entry has that id." : $"No entry has id '{id}'.");

    private sealed record Unread(IResult Problem);
}
