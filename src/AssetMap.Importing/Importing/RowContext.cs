using System.Globalization;
using AssetMap.Import.Parsing;
using AssetMap.Import.Readers;

namespace AssetMap.Import.Importing;

/// <summary>Reads one spreadsheet row by canonical field and records every problem against sheet, row and column.</summary>
internal sealed class RowContext(ImportTable table, ImportRow row)
{
    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, string> _standIns = new(StringComparer.Ordinal);

    public ImportTable Table { get; } = table;

    public ImportRow Row { get; } = row;

    public IReadOnlyList<ImportProblem> Problems => _problems;

    public bool HasErrors => _problems.Any(p => p.Severity == ProblemSeverity.Error);

    public bool Has(string field) => Raw(field) is { } value && !(value is string s && s.Length == 0);

    public object? Raw(string field) => Row.Values.GetValueOrDefault(Resolve(field));

    /// <summary>
    /// Reads <paramref name="field"/> from <paramref name="standIn"/>'s column from now on (an organisation column is
    /// the name on a sheet without one), so problems name the column the officer actually wrote.
    /// </summary>
    public void StandIn(string field, string standIn) => _standIns[field] = standIn;

    /// <summary>
    /// Records a broken domain rule as an error on the column the officer wrote: the rule's field is the domain's
    /// name, <paramref name="columnFor"/> says which sheet field that is for this row (e.g. serviceRadius is the
    /// km column, price is an activity's cost).
    /// </summary>
    public void Rule(Domain.DomainRuleException rule, Func<string, string> columnFor) => Error(columnFor(rule.Field), rule.Message);

    /// <summary>Parses a field; a failure is recorded as an error and gives the default.</summary>
    public T? Get<T>(string field, Func<object?, Parsed<T>> parse)
    {
        var parsed = parse(Raw(field));
        if (!parsed.Ok)
        {
            Error(field, parsed.Reason ?? "the value cannot be used");
            return default;
        }

        return parsed.Value;
    }

    public string? Text(string field) => Get(field, CellParse.Text);

    /// <summary>A list cell: items separated by semicolons, commas or line breaks, as CVS staff write them.</summary>
    public IReadOnlyList<string> List(string field) =>
        Text(field)?.Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public void Error(string field, string reason) => Add(ProblemSeverity.Error, field, reason);

    public void Warning(string field, string reason) => Add(ProblemSeverity.Warning, field, reason);

    /// <summary>The header as the officer wrote it, for reports and the rejects file.</summary>
    public string? Header(string field) =>
        Table.Columns.FirstOrDefault(c => c.Field == Resolve(field))?.Header
        ?? (ColumnMap.Synonyms.TryGetValue(field, out var names) && names.Count > 0 ? char.ToUpperInvariant(names[0][0]) + names[0][1..] : field);

    private string Resolve(string field) => _standIns.GetValueOrDefault(field, field);

    private void Add(ProblemSeverity severity, string field, string reason)
    {
        var raw = Raw(field);
        var value = raw switch
        {
            null => null,
            DateTime date => date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => raw.ToString(),
        };
        _problems.Add(new ImportProblem(severity, Table.Sheet, Row.RowNumber, Header(field) ?? field, value, reason));
    }
}
