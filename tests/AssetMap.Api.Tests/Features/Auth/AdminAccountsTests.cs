using System.Net;
using System.Text.RegularExpressions;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.TestSupport;

namespace AssetMap.Api.Tests.Features.Auth;

/// <summary>An admin creates an account on /admin/accounts, the new person signs in with the password shown, the admin disables it.</summary>
public sealed partial class AdminAccountsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_creates_an_account_that_can_sign_in_then_changes_its_roles_and_disables_it()
    {
        await TestAccounts.CreateAsync(api.Services, "ada", Roles.Admin);
        var admin = SignInClient.For(api);
        await admin.SignInAsync("ada", TestAccounts.Password);

        var created = await admin.PostFormAsync("/admin/accounts", new()
        {
            ["userName"] = "new.worker",
            ["displayName"] = "New Worker",
            ["role"] = Roles.Practitioner,
            ["__RequestVerificationToken"] = await admin.TokenAsync("/admin/accounts"),
        });
        var html = await created.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = PasswordShown().Match(html).Groups[1].Value;
        Assert.Equal(20, password.Length);

        var worker = SignInClient.For(api);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SignInAsync("new.worker", password)).StatusCode);
        Assert.Contains("\"roles\":[\"practitioner\"]", await worker.Http.GetStringAsync("/api/v1/me", Ct), StringComparison.Ordinal);

        var id = AccountLink().Match(await admin.Http.GetStringAsync("/admin/accounts", Ct)).Groups[1].Value;
        var page = $"/admin/accounts/{id}";
        var roles = await admin.PostFormAsync($"{page}?handler=roles", new() { ["role"] = Roles.Broker, ["__RequestVerificationToken"] = await admin.TokenAsync(page) });
        Assert.Contains("Roles saved.", await roles.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Changing roles ends the old session: the person signs in again and gets the new roles.
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.GetAsync("/api/v1/me", Ct)).StatusCode);

        var disabled = await admin.PostFormAsync($"{page}?handler=disable", new() { ["__RequestVerificationToken"] = await admin.TokenAsync(page) });
        Assert.Contains("Account disabled", await disabled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignInClient.For(api).SignInAsync("new.worker", password)).StatusCode); // the form again: refused
    }

    [Fact]
    public async Task A_taken_name_or_an_unknown_role_is_a_400_naming_the_problem()
    {
        await TestAccounts.CreateAsync(api.Services, "abe", Roles.Admin);
        var admin = SignInClient.For(api);
        await admin.SignInAsync("abe", TestAccounts.Password);

        var taken = await admin.PostFormAsync("/admin/accounts", new() { ["userName"] = "abe", ["__RequestVerificationToken"] = await admin.TokenAsync("/admin/accounts") });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("is already taken", await taken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var role = await admin.PostFormAsync("/admin/accounts", new() { ["userName"] = "zed", ["role"] = "wizard", ["__RequestVerificationToken"] = await admin.TokenAsync("/admin/accounts") });
        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);
        Assert.Contains("&#x27;wizard&#x27; is not a role", await role.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("<code id=\"created-password\">([^<]+)</code>")]
    private static partial Regex PasswordShown();

    [GeneratedRegex("href=\"/admin/accounts/([0-9a-f-]{36})\">new.worker<")]
    private static partial Regex AccountLink();
}
