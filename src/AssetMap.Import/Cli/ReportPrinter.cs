using AssetMap.Import.Importing;
using Spectre.Console;

namespace AssetMap.Import.Cli;

/// <summary>Shows an import report: a table in a terminal, plain lines when output is redirected (logs, CI).</summary>
internal static class ReportPrinter
{
    public static void Print(ImportReport report, bool dryRun)
    {
        var c = report.Counts;
        var outcome = report.Applied ? "applied" : dryRun ? "dry run: nothing written" : "rolled back (--strict): nothing written";
        if (Console.IsOutputRedirected)
        {
            Console.WriteLine($"{report.File}: {outcome}");
            Console.WriteLine($"created {c.Created}, updated {c.Updated}, unchanged {c.Unchanged}, archived {c.Archived}, rejected {c.Rejected}, warnings {c.Warnings}");
            PrintLines(report.Problems);

            PrintMissing(report, Console.WriteLine);
            return;
        }

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.File)}[/]: {Markup.Escape(outcome)}");
        var counts = new Table().AddColumns("Created", "Updated", "Unchanged", "Archived", "Rejected", "Warnings");
        counts.AddRow($"{c.Created}", $"{c.Updated}", $"{c.Unchanged}", $"{c.Archived}", c.Rejected > 0 ? $"[red]{c.Rejected}[/]" : "0", $"{c.Warnings}");
        AnsiConsole.Write(counts);
        if (report.Problems.Count > 0)
        {
            var problems = new Table().AddColumns("", "Sheet", "Row", "Column", "Value", "Reason");
            foreach (var p in report.Problems)
            {
                problems.AddRow(p.Severity == ProblemSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]", Markup.Escape(p.Sheet ?? ""),
                    $"{p.Row}", Markup.Escape(p.Column ?? ""), Markup.Escape(p.Value ?? ""), Markup.Escape(p.Reason));
            }

            AnsiConsole.Write(problems);
        }

        PrintMissing(report, line => AnsiConsole.MarkupLine(Markup.Escape(line)));
    }

    /// <summary>
    /// Problems as plain lines, one shape for every command (assets, postcodes, pcn-areas): severity, sheet (or
    /// file), row (or feature), column (or attribute), value, reason.
    /// </summary>
    public static void PrintLines(IEnumerable<ImportProblem> problems)
    {
        foreach (var p in problems)
        {
            Console.WriteLine($"{p.Severity.ToString().ToUpperInvariant()} {(p.Sheet is null ? "" : $"sheet '{p.Sheet}' ")}row {p.Row}"
                + $"{(p.Column is null ? "" : $" column '{p.Column}'")}{(p.Value is null ? "" : $" value '{p.Value}'")}: {p.Reason}");
        }
    }

    private static void PrintMissing(ImportReport report, Action<string> write)
    {
        if (report.MissingFromFile.Count > 0)
        {
            write($"{report.MissingFromFile.Count} record(s) from this file are no longer in it (use --archive-missing to archive them): {string.Join(", ", report.MissingFromFile)}");
        }
    }
}
