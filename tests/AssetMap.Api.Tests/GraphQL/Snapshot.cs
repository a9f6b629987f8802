using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AssetMap.Api.Tests.GraphQL;

/// <summary>
/// Committed snapshot files compared by a plain test (Verify is not on our feed). UPDATE_CONTRACTS=1 rewrites them.
/// </summary>
internal static class Snapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Match(JsonElement actual, string name, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots", name + ".json");
        var text = JsonSerializer.Serialize(actual, Indented) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            File.WriteAllText(path, text);
        }

        Assert.True(File.Exists(path), $"Snapshot {path} is missing: run UPDATE_CONTRACTS=1 ./test.sh --filter GraphQL and commit it.");
        Assert.Equal(File.ReadAllText(path), text);
    }
}
