using System.Net;
using AssetMap.Api.Tests.Infrastructure;
using static AssetMap.Api.Tests.Features.TimeBank.TimeBankRequests;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>The broker's member API through the real pipeline: search, create, ETags, lifecycle, history, bad input.</summary>
public sealed class MemberApiTests(ApiFactory api) : TimeBankTests(api), IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_created_member_is_stored_coarsened_with_a_reference_an_etag_a_zero_balance_and_a_history_entry()
    {
        var client = Api.CreateClient();

        var response = await client.SendAsync(HttpMethod.Post, $"{Api_}/members", NewMember("Rowan", "gardening", "Dog walking"));

        var member = await response.ExpectAsync(HttpStatusCode.Created);
        var id = member.Id();
        Assert.Equal($"{Api_}/members/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"\"{member.GetProperty("version").GetUInt32()}\"", response.Headers.ETag?.ToString());
        Assert.Equal("Rowan T.", member.Str("displayName"));
        Assert.Equal("RM17 5", member.Str("postcodeSector"));
        Assert.Equal("gardening,dog-walking", Joined(member.GetProperty("skillsOffered")));
        Assert.Equal("07700 900123", member.Str("contactDetails"));
        Assert.Equal("active", member.Str("status"));
        Assert.Equal("thurrock-time-bank", member.Str("timeBank"));
        Assert.Equal(0m, member.GetProperty("balance").GetDecimal());
        Assert.StartsWith("TB-", member.Str("memberRef"), StringComparison.Ordinal);
        Assert.DoesNotContain("RM17 5BN", member.GetRawText(), StringComparison.Ordinal);

        var read = await client.SendAsync(HttpMethod.Get, $"{Api_}/members/{id}");
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);

        var history = await (await client.SendAsync(HttpMethod.Get, $"{Api_}/members/{id}/history")).ExpectAsync(HttpStatusCode.OK);
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal("created", entry.Str("action"));
        Assert.Equal("jo", entry.Str("actor"));
        Assert.Equal("api", entry.Str("source"));
        Assert.Contains("POST /api/v1/timebank/members", entry.Str("sourceDetail"), StringComparison.Ordinal);
        Assert.DoesNotContain("Rowan", history.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_searches_words_skill_and_status_pages_and_shows_each_balance()
    {
        var client = Api.CreateClient();
        var quill = await client.CreateMemberAsync("Quillon", "befriending");

        var byName = await (await client.SendAsync(HttpMethod.Get, $"{Api_}/members?q=quillon")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(quill.Id(), Assert.Single(byName.GetProperty("items").EnumerateArray()).Id());
        var byWords = await (await client.SendAsync(HttpMethod.Get, $"{Api_}/members?q=Quillon%20helps")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(byWords.GetProperty("items").EnumerateArray());
        var byRef = await (await client.SendAsync(HttpMethod.Get, $"{Api_}/members?q={quill.Str("memberRef")}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(byRef.GetProperty("items").EnumerateArray(), m => m.Id() == quill.Id());
        var wildcard = await (await client.SendAsync(HttpMethod.Get, $"{Api_}/members?q=%25")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, wildcard.GetProperty("totalCount").GetInt32());

        var gardeners = await client.AllItemsAsync($"{Api_}/members?skill=gardening&pageSize=5");
        Assert.NotEmpty(gardeners);
        Assert.All(gardeners, m => Assert.Contains("gardening", m.GetProperty("skillsOffered").EnumerateArray().Select(s => s.GetString())));

        var all = await client.AllItemsAsync($"{Api_}/members?pageSize=7");
        Assert.True(all.Count >= 50, $"{all.Count} members");
        Assert.Equal(all.Count, all.Select(m => m.Id()).Distinct().Count());
        Assert.Contains(all, m => m.GetProperty("balance").GetDecimal() != 0);
        var first = await (await client.SendAsync(HttpMethod.Get, $"{Api_}/members/{all[0].Id()}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("balance").GetDecimal(), all[0].GetProperty("balance").GetDecimal());

        var active = await client.AllItemsAsync($"{Api_}/members?status=active&pageSize=100");
        Assert.NotEmpty(active);
        Assert.All(active, m => Assert.Equal("active", m.Str("status")));

        foreach (var bad in BadListQueries)
        {
            var problem = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{Api_}/members?{bad}"), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(bad.Split('=')[0], out _), bad);
        }
    }

    [Fact]
    public async Task Put_needs_if_match_428_without_412_when_stale_and_saves_with_the_current_etag()
    {
        var client = Api.CreateClient();
        var member = await client.CreateMemberAsync("Sorrel");
        var url = $"{Api_}/members/{member.Id()}";
        var etag = $"\"{member.GetProperty("version").GetUInt32()}\"";
        var change = NewMember("Sorrel", "cleaning");

        var blind = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Put, url, change), (HttpStatusCode)428);
        Assert.Equal("If-Match", blind.Str("field"));

        var saved = await client.SendAsync(HttpMethod.Put, url, change, ifMatch: etag);
        var body = await saved.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cleaning", Joined(body.GetProperty("skillsOffered")));
        Assert.NotEqual(etag, saved.Headers.ETag?.ToString());
        Assert.Equal("RM17 5", body.Str("postcodeSector"));

        var stale = await client.SendAsync(HttpMethod.Put, url, NewMember("Sorrel", "gardening"), ifMatch: etag);
        var problem = await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("cleaning", Joined(problem.GetProperty("current").GetProperty("skillsOffered")));
        Assert.Equal(saved.Headers.ETag, stale.Headers.ETag);

        var history = await (await client.SendAsync(HttpMethod.Get, $"{url}/history")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("updated,created", string.Join(",", history.EnumerateArray().Select(e => e.Str("action"))));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_never_a_500()
    {
        var client = Api.CreateClient();
        var member = await client.CreateMemberAsync("Tansy");
        var etag = $"\"{member.GetProperty("version").GetUInt32()}\"";

        var rules = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members",
            """{"firstName": "", "postcode": "ZZ9 9ZZ", "skillsOffered": ["juggling"], "contactPreference": "pigeon"}"""), HttpStatusCode.UnprocessableEntity);
        var fields = rules.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("firstName", fields);
        Assert.Contains("postcode", fields);
        Assert.Contains("skillsOffered", fields);
        Assert.Contains("contactPreference", fields);

        // Found by TimeBankHostileInputTests: a number as a contact preference, an over-long reference (were 500s).
        var numeric = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members",
            """{"firstName": "Wren", "postcode": "RM17 5BN", "contactPreference": "7", "memberRef": "TB-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"""), HttpStatusCode.UnprocessableEntity);
        Assert.True(numeric.GetProperty("errors").TryGetProperty("contactPreference", out _));
        Assert.True(numeric.GetProperty("errors").TryGetProperty("memberRef", out _));

        var malformed = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members", "{\"firstName\": "), HttpStatusCode.BadRequest);
        Assert.Equal("body", malformed.Str("field"));
        var unknown = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members", "{\"firstNme\": \"x\"}"), HttpStatusCode.BadRequest);
        Assert.Equal("firstNme", unknown.Str("field"));
        var wrongType = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members", "{\"skillsOffered\": 5}"), HttpStatusCode.BadRequest);
        Assert.Equal("skillsOffered", wrongType.Str("field"));
        var array = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members", "[]"), HttpStatusCode.BadRequest);
        Assert.Equal("body", array.Str("field"));
        var nothing = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members", "null"), HttpStatusCode.BadRequest);
        Assert.Equal("body", nothing.Str("field"));

        var missing = Guid.NewGuid();
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{Api_}/members/{missing}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Get, $"{Api_}/members/{missing}/history"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Put, $"{Api_}/members/{missing}", NewMember("X"), ifMatch: etag), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members/{missing}/leave", ifMatch: etag), HttpStatusCode.NotFound);
        var badTag = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{Api_}/members/{member.Id()}/deactivate", ifMatch: "\"abc\""), (HttpStatusCode)428);
        Assert.Equal("If-Match", badTag.Str("field"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, $"{Api_}/members/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task Deactivate_reactivate_and_leave_keep_the_ledger_and_anonymise_for_good()
    {
        var client = Api.CreateClient();
        var member = await client.CreateMemberAsync("Umber");
        var other = await client.CreateMemberAsync("Vetch");
        var url = $"{Api_}/members/{member.Id()}";
        (await client.RecordAsync(Exchange(member.Id(), other.Id(), 2))).EnsureSuccessStatusCode();
        (await client.RecordAsync(Exchange(other.Id(), member.Id(), 0.5m))).EnsureSuccessStatusCode();

        var deactivated = await client.SendAsync(HttpMethod.Post, $"{url}/deactivate", ifMatch: await ETagAsync(client, url));
        Assert.Equal("deactivated", (await deactivated.ExpectAsync(HttpStatusCode.OK)).Str("status"));
        var refused = await ProblemAssert.IsProblemAsync(await client.RecordAsync(Exchange(other.Id(), member.Id(), 1)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("receiverId", refused.Str("field"));
        (await client.RecordAsync(Exchange(member.Id(), other.Id(), 1))).EnsureSuccessStatusCode(); // may still give

        var reactivated = await client.SendAsync(HttpMethod.Post, $"{url}/reactivate", ifMatch: deactivated.Headers.ETag!.ToString());
        Assert.Equal("active", (await reactivated.ExpectAsync(HttpStatusCode.OK)).Str("status"));

        var left = await client.SendAsync(HttpMethod.Post, $"{url}/leave", ifMatch: reactivated.Headers.ETag!.ToString());
        var anonymous = await left.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("left", anonymous.Str("status"));
        Assert.Equal($"Former member {member.Str("memberRef")}", anonymous.Str("displayName"));
        Assert.False(anonymous.TryGetProperty("contactDetails", out _));
        Assert.False(anonymous.TryGetProperty("postcodeSector", out _));
        Assert.False(anonymous.TryGetProperty("offerDetails", out _));
        Assert.Empty(anonymous.GetProperty("skillsOffered").EnumerateArray());
        Assert.Equal(2.5m, anonymous.GetProperty("balance").GetDecimal());
        Assert.Equal(-2.5m, await client.BalanceAsync(other.Id()));

        var again = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Post, $"{url}/leave", ifMatch: left.Headers.ETag!.ToString()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("status", again.Str("field"));
        var edit = await ProblemAssert.IsProblemAsync(await client.SendAsync(HttpMethod.Put, url, NewMember("Umber"), ifMatch: left.Headers.ETag!.ToString()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("status", edit.Str("field"));

        var history = await (await client.SendAsync(HttpMethod.Get, $"{url}/history")).ExpectAsync(HttpStatusCode.OK);
        var actions = history.EnumerateArray().Select(e => (e.Str("entityType"), e.Str("action"))).ToList();
        Assert.Contains(("time-bank-member", "left"), actions);
        Assert.Contains(("time-bank-member", "deactivated"), actions);
        Assert.Equal(3, actions.Count(a => a == ("time-bank-exchange", "recorded")));
        Assert.DoesNotContain("Umber", history.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900123", history.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Banks_show_the_broker_contact_and_credit_limit()
    {
        var banks = await (await Api.CreateClient().SendAsync(HttpMethod.Get, $"{Api_}/banks")).ExpectAsync(HttpStatusCode.OK);
        var bank = Assert.Single(banks.EnumerateArray());
        Assert.Equal("Thurrock Time Bank", bank.Str("name"));
        Assert.Equal("Jo Adeyemi", bank.Str("brokerName"));
        Assert.Equal("timebank@example.org", bank.Str("brokerEmail"));
        Assert.Equal("01632 960412", bank.Str("brokerPhone"));
        Assert.Equal(10m, bank.GetProperty("creditLimit").GetDecimal());
        Assert.True(bank.GetProperty("members").GetInt32() >= 50);
    }

    private const string Api_ = TimeBankRequests.Api;

    private static readonly string[] BadListQueries = ["status=gone", "page=0", "pageSize=1000", "status=1"];

    private static string Joined(System.Text.Json.JsonElement array) => string.Join(",", array.EnumerateArray().Select(s => s.GetString()));

    private static async Task<string> ETagAsync(HttpClient client, string url) =>
        (await client.SendAsync(HttpMethod.Get, url)).Headers.ETag!.ToString();
}
