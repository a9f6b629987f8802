using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Features.TimeBank;

/// <summary>
/// What every time-bank endpoint shares: strict JSON bodies (a misspelt or mistyped member is a 400 naming it, never a
/// field silently dropped), paging, dates, If-Match and not-found problems.
/// </summary>
internal sealed partial class TimeBankHttp(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    private readonly JsonSerializerOptions _strict = new(json.Value.SerializerOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The body as <typeparamref name="T"/>, or a 415/400 problem naming what could not be read.</summary>
    public async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the body as application/json.", extensions: new Dictionary<string, object?> { ["field"] = "body" }));
        }

        var errors = new EditErrors();
        try
        {
            if (await JsonSerializer.DeserializeAsync<T>(request.Body, _strict, ct) is { } body)
            {
                return (body, null);
            }

            errors.Add("body", "The body is not a JSON object.");
        }
        catch (JsonException e)
        {
            // A value of the wrong type names its member; broken JSON (truncated, not an object) is the body's fault.
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            if (Unmapped().Match(e.Message) is { Success: true } unknown)
            {
                var name = unknown.Groups["name"].Value;
                errors.Add(name, $"'{name}' is not a field of this request.");
            }
            else if (path.Length == 0 || !e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            {
                errors.Add("body", "The body is not a JSON object.");
            }
            else
            {
                errors.Add(path, $"'{path}' has a value of the wrong type or form.");
            }
        }

        return (null, errors.ToProblem(StatusCodes.Status400BadRequest));
    }

    /// <summary>1-based page and a page size of 1..<see cref="MaxPageSize"/>.</summary>
    public static (int Page, int PageSize) Paging(int? page, int? pageSize, ParameterErrors errors)
    {
        if (page is < 1 or > 100_000)
        {
            errors.Add("page", "page is 1..100000.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is 1..{MaxPageSize}.");
        }

        return (Math.Clamp(page ?? 1, 1, 100_000), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
    }

    public static ProblemHttpResult NotFound(string what, Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has id '{id}'.");

    /// <summary>A 422 or 409 problem naming one field.</summary>
    public static ProblemHttpResult FieldProblem(int status, string field, string message) => TypedResults.Problem(
        statusCode: status,
        title: status == StatusCodes.Status409Conflict ? "Conflict" : "The request breaks one or more rules",
        detail: message,
        extensions: new Dictionary<string, object?> { ["field"] = field, ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex Unmapped();
}
