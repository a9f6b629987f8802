namespace AssetMap.Api.Features.Editing;

/// <summary>
/// What is wrong with an edit, keyed by the REST contract's field names (<c>contact.phone</c>), so the API's problem
/// details and the web form's error summary name the same fields.
/// </summary>
internal sealed class EditErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ByField => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    /// <summary>Runs a domain check; a broken rule is recorded against <paramref name="field"/> and the default returned.</summary>
    public T? Check<T>(string field, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Domain.DomainRuleException e)
        {
            Add(field, e.Message);
            return default;
        }
    }

    /// <summary>422 problem details: <c>errors</c> maps each field to its messages; <c>field</c> names the first.</summary>
    public IResult ToProblem(int status = StatusCodes.Status422UnprocessableEntity) => TypedResults.Problem(
        statusCode: status,
        title: status == StatusCodes.Status400BadRequest ? "The request body could not be read" : "The entry breaks one or more rules",
        detail: string.Join(" ", _errors.SelectMany(e => e.Value)),
        extensions: new Dictionary<string, object?> { ["field"] = _errors.Keys.First(), ["errors"] = ByField });
}
