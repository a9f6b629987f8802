using System.Text.Json;
using AssetMap.Import.Importing;

namespace AssetMap.Import.Tests.Importing;

public sealed class ImportReportTests
{
    private static readonly ImportReport Report = new(
        "cvs-directory.xlsx",
        Applied: true,
        new ImportCounts(Created: 3, Updated: 1, Unchanged: 40, Archived: 0, Rejected: 1, Warnings: 1),
        [
            new(ProblemSeverity.Error, "Micro-enterprises", 7, "Post Code", "RM17", "'RM17' is not a UK postcode (expected something like RM17 6SL)."),
            new(ProblemSeverity.Warning, "Micro-enterprises", 9, "DBS checked", "01/02/2019", "The DBS check is over three years old."),
        ],
        ["ME-044"]);

    // What a consumer of the --report file would use: web defaults, severities as text.
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public void The_json_names_sheet_row_column_value_and_reason_for_each_problem()
    {
        using var json = JsonDocument.Parse(Report.ToJson());

        var problem = json.RootElement.GetProperty("problems")[0];
        Assert.Equal("error", problem.GetProperty("severity").GetString());
        Assert.Equal("Micro-enterprises", problem.GetProperty("sheet").GetString());
        Assert.Equal(7, problem.GetProperty("row").GetInt32());
        Assert.Equal("Post Code", problem.GetProperty("column").GetString());
        Assert.Equal("RM17", problem.GetProperty("value").GetString());
        Assert.Contains("not a UK postcode", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.RootElement.GetProperty("counts").GetProperty("rejected").GetInt32());
    }

    [Fact]
    public void A_report_reads_back_as_it_was_written()
    {
        var read = JsonSerializer.Deserialize<ImportReport>(Report.ToJson(), ReadOptions)!;

        Assert.Equal(Report.Counts, read.Counts);
        Assert.Equal(Report.Problems, read.Problems);
        Assert.Equal(Report.MissingFromFile, read.MissingFromFile);
        Assert.True(read.HasRejections);
    }
}
