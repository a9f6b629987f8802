using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Features.Freshness;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.TestSupport;
using Npgsql;

namespace AssetMap.Api.Tests.Features.Uploads;

/// <summary>Spreadsheet upload through the real pipeline and the importer library, over a real database.</summary>
public sealed class UploadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Header = "Type,Ref,Organisation name,Summary,Address,Town,Postcode,Latitude,Longitude,Categories,Services,Insurance expiry,DBS checked,Status";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dry_run_changes_nothing_then_apply_imports_and_history_names_the_editor_file_and_row()
    {
        var editor = api.As("dana", Roles.Editor);
        var csv = Csv(("UP-001", "Upload Test Gardening", "Garden tidying for older people."));

        var dry = await UploadAsync(editor, csv, "garden-list.csv");
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        var checkedJob = await FinishedAsync(editor, dry);
        Assert.False(checkedJob.GetProperty("report").GetProperty("applied").GetBoolean());
        Assert.True(1 == checkedJob.GetProperty("report").GetProperty("counts").GetProperty("created").GetInt32(), checkedJob.ToString());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM assets WHERE name = 'Upload Test Gardening'"));

        var apply = await editor.PostAsync(checkedJob.GetProperty("links").GetProperty("apply").GetString(), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, apply.StatusCode);
        var applied = await FinishedAsync(editor, await apply.Content.ReadFromJsonAsync<JsonElement>(Ct));
        Assert.True(applied.GetProperty("report").GetProperty("applied").GetBoolean());

        var id = await api.ScalarAsync<Guid>("SELECT id FROM assets WHERE name = 'Upload Test Gardening'");
        var history = await api.ScalarAsync<string>("SELECT action || '|' || actor || '|' || source || '|' || source_detail FROM audit_entries WHERE entity_id = $1", id);
        Assert.Equal("created|dana|import|garden-list.csv › row 2", history);

        // Applying twice is refused: the dry run was applied once.
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync(checkedJob.GetProperty("links").GetProperty("self").GetString() + "/apply", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_update_by_upload_records_each_changed_field_before_and_after()
    {
        var editor = api.As("dana", Roles.Editor);
        await FinishedAsync(editor, await UploadAsync(editor, Csv(("UP-010", "Upload Test Handyperson", "Small repairs at home.")), "handy.csv", dryRun: false));
        await FinishedAsync(editor, await UploadAsync(
            api.As("erin", Roles.Editor), Csv(("UP-010", "Upload Test Handyperson", "Small repairs and odd jobs at home.")), "handy.csv", dryRun: false));

        var id = await api.ScalarAsync<Guid>("SELECT id FROM assets WHERE name = 'Upload Test Handyperson'");
        var (detail, changes) = await UpdateEntryAsync(id);
        Assert.Equal("handy.csv › row 2", detail);
        var summary = changes.EnumerateArray().Single(c => c.GetProperty("field").GetString() == "summary");
        Assert.Equal("Small repairs at home.", summary.GetProperty("before").GetString());
        Assert.Equal("Small repairs and odd jobs at home.", summary.GetProperty("after").GetString());
        Assert.DoesNotContain(changes.EnumerateArray(), c => c.GetProperty("field").GetString() == "name");
    }

    [Fact]
    public async Task Rejected_rows_come_back_as_a_file_to_download()
    {
        var editor = api.As("dana", Roles.Editor);
        var csv = Csv(("UP-020", "Upload Test Pet Care", "Dog walking."), ("UP-021", "", "A row with no name."));

        var job = await FinishedAsync(editor, await UploadAsync(editor, csv, "pets.csv", dryRun: false));

        Assert.Equal(1, job.GetProperty("report").GetProperty("counts").GetProperty("rejected").GetInt32());
        var problems = job.GetProperty("report").GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 3 && p.GetProperty("severity").GetString() == "error");
        var rejects = await editor.GetAsync(job.GetProperty("links").GetProperty("rejects").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, rejects.StatusCode);
        var text = await rejects.Content.ReadAsStringAsync(Ct);
        Assert.Contains("UP-021", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UP-020", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413()
    {
        using var small = api.WithWebHostBuilder(b => b.UseSetting("Imports:MaxUploadBytes", "2048"));
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("dana", Roles.Editor));
        var big = Csv([.. Enumerable.Range(0, 60).Select(i => ($"UP-1{i:00}", $"Upload Test Big {i}", "A row to make the file large."))]);
        Assert.True(big.Length > 2048);

        using var content = Multipart(big, "big.csv");
        var response = await client.PostAsync("/api/v1/imports", content, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task A_program_renamed_xlsx_is_refused_whatever_its_name()
    {
        var exe = new byte[4096];
        "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0"u8.ToArray().CopyTo(exe, 0);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(exe, 78);

        using var content = Multipart(exe, "directory.xlsx");
        var response = await api.As("dana", Roles.Editor).PostAsync("/api/v1/imports", content, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task While_another_import_holds_the_lock_an_upload_is_409()
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(71826134881107)", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var content = Multipart(Csv(("UP-030", "Upload Test Busy", "Waits its turn.")), "busy.csv");
        var response = await api.As("dana", Roles.Editor).PostAsync("/api/v1/imports", content, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("import", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_import_running_in_another_database_on_the_server_does_not_block_an_upload()
    {
        // Advisory locks belong to a database, yet pg_locks lists the whole server's: a second directory (or a
        // parallel test) importing elsewhere once made every upload here a 409.
        await using var connection = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(71826134881107)", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(Ct);
        }

        var job = await UploadAsync(api.As("dana", Roles.Editor), Csv(("UP-031", "Upload Test Elsewhere", "Not held up.")), "elsewhere.csv");

        Assert.Equal(JsonValueKind.Object, (await FinishedAsync(api.As("dana", Roles.Editor), job)).ValueKind);
    }

    private async Task<(string Detail, JsonElement Changes)> UpdateEntryAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT actor, source_detail, changes::text FROM audit_entries WHERE entity_id = $1 AND action = 'updated'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct), "no 'updated' history entry");
        Assert.Equal("erin", reader.GetString(0));
        return (reader.GetString(1), JsonDocument.Parse(reader.GetString(2)).RootElement.Clone());
    }

    private static byte[] Csv(params (string Ref, string Name, string Summary)[] rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (reference, name, summary) in rows)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Micro-enterprise,{reference},{name},{summary},1 Test Street,Grays,RM17 6SL,51.4760,0.3250,Gardening,Tidying,01/01/2030,01/06/2026,Published\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static MultipartFormDataContent Multipart(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] csv, string name, bool dryRun = true)
    {
        using var content = Multipart(csv, name);
        var response = await client.PostAsync(dryRun ? "/api/v1/imports" : "/api/v1/imports?dryRun=false", content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.NotNull(response.Headers.Location);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> FinishedAsync(HttpClient client, JsonElement job)
    {
        var self = job.GetProperty("links").GetProperty("self").GetString();
        for (var i = 0; i < 300; i++)
        {
            var current = await client.GetFromJsonAsync<JsonElement>(self, Ct);
            switch (current.GetProperty("status").GetString())
            {
                case "done":
                    return current;
                case "failed":
                    Assert.Fail("import failed: " + current.GetProperty("error").GetString());
                    break;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("the import did not finish in 30 s");
    }
}
