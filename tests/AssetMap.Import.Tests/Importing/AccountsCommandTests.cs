using AssetMap.Domain.Accounts;
using AssetMap.Domain.Persistence;
using AssetMap.Import.Cli;
using AssetMap.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Import.Tests.Importing;

/// <summary>The <c>accounts</c> command, as the first admin is made on a server: real Identity, real database.</summary>
[Collection("Process environment")]
public sealed class AccountsCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        Environment.SetEnvironmentVariable("ConnectionStrings__AssetMap", _database.ConnectionString);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Create_prints_a_generated_password_that_signs_in_and_the_other_verbs_change_the_account()
    {
        var (exit, output) = await RunAsync(null, "accounts", "create", "jo.bloggs", "--role", "admin", "--display-name", "Jo Bloggs");
        Assert.Equal(ExitCodes.Done, exit);
        var password = output.Split('\n').Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..].Trim();
        Assert.Equal(20, password.Length);

        await using (var scope = Services().CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = await users.FindByNameAsync("jo.bloggs");
            Assert.NotNull(account);
            Assert.Equal("Jo Bloggs", account.DisplayName);
            Assert.True(await users.CheckPasswordAsync(account, password));
            Assert.DoesNotContain(password, account.PasswordHash!, StringComparison.Ordinal); // stored hashed
            Assert.Equal(["admin"], await users.GetRolesAsync(account));
        }

        Assert.Equal(ExitCodes.Done, (await RunAsync("a-password-from-stdin\n", "accounts", "reset-password", "jo.bloggs", "--password-stdin")).Exit);
        Assert.Equal(ExitCodes.Done, (await RunAsync(null, "accounts", "add-role", "jo.bloggs", "editor")).Exit);
        Assert.Equal(ExitCodes.Done, (await RunAsync(null, "accounts", "disable", "jo.bloggs")).Exit);
        var list = await RunAsync(null, "accounts", "list");
        Assert.Matches(@"jo\.bloggs\s+disabled\s+admin,editor\s+Jo Bloggs", list.Output);

        await using (var scope = Services().CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = (await users.FindByNameAsync("jo.bloggs"))!;
            Assert.True(account.Disabled);
            Assert.True(await users.CheckPasswordAsync(account, "a-password-from-stdin"));
            Assert.False(await users.CheckPasswordAsync(account, password));
        }
    }

    [Fact]
    public async Task A_short_password_a_taken_name_or_an_unknown_role_exits_1_and_a_missing_account_2()
    {
        Assert.Equal(ExitCodes.Done, (await RunAsync(null, "accounts", "create", "sam", "--role", "editor")).Exit);
        Assert.Equal(ExitCodes.Rejected, (await RunAsync("short\n", "accounts", "create", "kim", "--password-stdin")).Exit);
        Assert.Equal(ExitCodes.Rejected, (await RunAsync(null, "accounts", "create", "sam")).Exit);
        Assert.Equal(ExitCodes.Rejected, (await RunAsync(null, "accounts", "create", "lee", "--role", "wizard")).Exit);
        Assert.Equal(ExitCodes.Failed, (await RunAsync(null, "accounts", "disable", "nobody")).Exit);
        Assert.DoesNotContain("kim", (await RunAsync(null, "accounts", "list")).Output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string? stdin, params string[] args)
    {
        var (oldIn, oldOut) = (Console.In, Console.Out);
        using var output = new StringWriter();
        try
        {
            Console.SetIn(new StringReader(stdin ?? ""));
            Console.SetOut(output);
            var exit = await ImporterCli.Root().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetIn(oldIn);
            Console.SetOut(oldOut);
        }
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAssetMapPersistence(_database.ConnectionString);
        services.AddAssetMapAccounts();
        return services.BuildServiceProvider();
    }
}
