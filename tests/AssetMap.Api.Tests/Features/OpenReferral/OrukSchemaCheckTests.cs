using System.Text.Json;

namespace AssetMap.Api.Tests.Features.OpenReferral;

/// <summary>
/// The schema check is only as good as its verdicts: the official ORUK validator's own mocks (committed under
/// Fixtures/validator) must get the verdict the validator gives them on schema grounds. V3.0-UK-Default passes;
/// V3.0-UK-Warn passes except an optional endpoint's document (a warning there); V3.0-UK-Fail fails its required
/// endpoints' documents on schema grounds, while its other documents are schema-valid and fail the validator for
/// other reasons (wrong id for the one asked, inconsistent paging, or only beside the failing ones).
/// </summary>
public sealed class OrukSchemaCheckTests
{
    private static readonly string[] Folders = ["V3.0-UK-Default", "V3.0-UK-Warn", "V3.0-UK-Fail"];

    private static readonly Dictionary<(string Folder, string Document), string> SchemaInvalid = new()
    {
        [("V3.0-UK-Warn", "taxonomy_term")] = "no description, term_uri not a URI (optional endpoint: a warning)",
        [("V3.0-UK-Fail", "api_details")] = "no profile, openapi_url not a URI",
        [("V3.0-UK-Fail", "service_full")] = "bad url/email formats, missing required fields",
        [("V3.0-UK-Fail", "service_list")] = "bad url/email formats, missing required fields",
        [("V3.0-UK-Fail", "taxonomy_term")] = "missing required fields",
    };

    public static TheoryData<string, string, bool> Documents() =>
    [
        .. Folders.SelectMany(folder =>
            Directory.GetFiles(Path.Combine(OrukSchemas.FixturesDirectory, "validator", folder), "*.json")
                .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
                .Select(name => (folder, name!, !SchemaInvalid.ContainsKey((folder, name!))))),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_validator_mock_gets_the_validators_schema_verdict(string folder, string document, bool valid)
    {
        var errors = OrukSchemas.Errors(SchemaOf(document), Read(folder, document));
        if (valid)
        {
            Assert.True(errors.Count == 0, $"{folder}/{document} should pass:\n{string.Join("\n", errors)}");
        }
        else
        {
            Assert.True(errors.Count > 0, $"{folder}/{document} should fail: {SchemaInvalid[(folder, document)]}");
        }
    }

    [Fact]
    public void Format_checks_are_on()
    {
        var bad = JsonDocument.Parse("""{"id": "not-a-uuid", "name": "n", "status": "active", "email": "nope", "url": "nope"}""").RootElement;
        var errors = string.Join("\n", OrukSchemas.Errors("service", bad));
        Assert.Contains("/id", errors, StringComparison.Ordinal);
        Assert.Contains("/email", errors, StringComparison.Ordinal);
        Assert.Contains("/url", errors, StringComparison.Ordinal);
    }

    // The validator names its mocks after the endpoint's response; "_full" is the single object.
    private static string SchemaOf(string document) => document.Replace("_full", "", StringComparison.Ordinal);

    private static JsonElement Read(string folder, string document) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(OrukSchemas.FixturesDirectory, "validator", folder, document + ".json"))).RootElement.Clone();
}
