using System.Text.RegularExpressions;

namespace AssetMap.Api.Tests.Features.Editing;

/// <summary>Posts the public "report a change" form as a browser would: GET it (antiforgery cookie and token), then POST.</summary>
internal static partial class ReportForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string slug, Dictionary<string, string> fields, bool withToken = true)
    {
        var page = await client.GetStringAsync($"/directory/{slug}/report", TestContext.Current.CancellationToken);
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
            Assert.NotEmpty(values["__RequestVerificationToken"]);
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync($"/directory/{slug}/report", content, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
