using AssetMap.Import.Cli;

// The importer CLI: dotnet run --project src/AssetMap.Import -- <command> (--help on each).
// Exit codes: 0 everything applied, 1 rows rejected, 2 the command could not run.
return await ImporterCli.Root().Parse(args).InvokeAsync();
