using System.CommandLine;

namespace AssetMap.Import.Cli;

/// <summary>The command tree; Program.cs runs it, tests invoke it in-process.</summary>
internal static class ImporterCli
{
    public static RootCommand Root() => new("AssetMap importer: keep the directory current from the CVS spreadsheets and open geodata.")
    {
        AssetsCommand.Create(),
        OpenReferralCommand.Create(),
        PostcodesCommand.Create(),
        PcnAreasCommand.Create(),
        BenchmarkCommand.Create(),
        DatabaseCommands.Migrate(),
        DatabaseCommands.Seed(),
        AccountsCommand.Create(),
    };
}
