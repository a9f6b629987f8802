using System.Globalization;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// Problems with request parameters, keyed by parameter name, kept free of HTTP so REST and GraphQL report the same
/// words.
/// </summary>
internal sealed class ParameterErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];
    private bool _invalid;

    /// <summary>400 when any value is malformed; 404 when every problem is a well-formed value naming nothing known.</summary>
    public int Status => _invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public string Summary => string.Join(" ", _errors.SelectMany(e => e.Value));

    public void Add(string parameter, string message)
    {
        _invalid = true;
        Record(parameter, message);
    }

    /// <summary>A yyyy-MM-dd day; null when blank, or when malformed (recorded against <paramref name="parameter"/>).</summary>
    public DateOnly? Day(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Add(parameter, $"'{(text.Length > 20 ? text[..20] : text)}' is not a date like 2026-11-30.");
        return null;
    }

    /// <summary>Records that a well-formed value names nothing known.</summary>
    public void NotFound(string parameter, string message) => Record(parameter, message);

    private void Record(string parameter, string message)
    {
        if (!_errors.TryGetValue(parameter, out var list))
        {
            _errors[parameter] = list = [];
        }

        list.Add(message);
    }

    /// <summary>RFC 9457 problem details with an <c>errors</c> member naming each parameter.</summary>
    public ProblemHttpResultWithErrors ToProblem() => new(this);
}

/// <summary>The problem-details result for <see cref="ParameterErrors"/>.</summary>
internal sealed class ProblemHttpResultWithErrors(ParameterErrors errors) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(
            statusCode: errors.Status,
            title: errors.Status == StatusCodes.Status404NotFound ? "Not found" : "One or more parameters are invalid",
            detail: errors.Summary,
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Errors }).ExecuteAsync(httpContext);
}
