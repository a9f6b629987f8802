using Microsoft.AspNetCore.Http.Features;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// Refuses a request whose path or query holds text PostgreSQL cannot store (see <see cref="UnsafeText"/>) with a 400
/// problem naming each query parameter, before any endpoint binds it. Checked on the raw, still-encoded URL, because the
/// decoded one has already lost the difference between <c>%C3%28</c> and a broken character.
/// </summary>
internal static class UnsafeTextGuard
{
    private const int MaxNameLength = 100;

    public static IApplicationBuilder UseUnsafeTextGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var errors = Check(context);
        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        await ProblemResponses.WriteAsync(context, new()
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more parameters are invalid",
            Detail = $"The request {UnsafeText.Reason}.",
            Extensions = { ["errors"] = errors },
        });
    });

    private static Dictionary<string, string[]> Check(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var rawPath = raw is { Length: > 0 } && raw[0] == '/' ? raw.AsSpan(0, raw.IndexOf('?') is var q and >= 0 ? q : raw.Length) : default;
        if (UnsafeText.IsUnsafe(request.Path.Value) || (!rawPath.IsEmpty && !UnsafeText.IsSafeUrlComponent(rawPath, plusIsSpace: false)))
        {
            errors["path"] = [$"The path {UnsafeText.Reason}."];
        }

        var query = request.QueryString.Value.AsSpan();
        foreach (var range in query.TrimStart('?').Split('&'))
        {
            var pair = query.TrimStart('?')[range];
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            if (!UnsafeText.IsSafeUrlComponent(key, plusIsSpace: true) || !UnsafeText.IsSafeUrlComponent(value, plusIsSpace: true))
            {
                var name = Name(key);
                errors[name] = [$"{name} {UnsafeText.Reason}."];
            }
        }

        return errors;
    }

    // The parameter's name as the client wrote it when that is printable, else still encoded: never the bad text itself.
    private static string Name(ReadOnlySpan<char> encodedKey)
    {
        var key = encodedKey.Length > MaxNameLength ? encodedKey[..MaxNameLength] : encodedKey;
        var decoded = UnsafeText.IsSafeUrlComponent(key, plusIsSpace: true) ? Uri.UnescapeDataString(key.ToString().Replace('+', ' ')) : key.ToString();
        return decoded.Length == 0 ? "(empty name)" : decoded;
    }
}
